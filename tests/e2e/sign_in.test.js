// Sign-in screen in real headless Chromium, driven like a person: items located through
// window.skyloom.items(), clicked with the mouse, typed with the keyboard.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await b.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function openApp(options, hash = "#/login") {
  const page = await b.openPage(browser, options);
  await page.goto(server.url + "/" + hash);
  await b.waitForRoute(page, "login");
  await b.findItem(page, "Sign in", "button");
  return page;
}

test("loads the sign-in screen without console errors", async () => {
  const page = await openApp();
  assert.equal(await page.title(), "Sign in \u00b7 Skyloom");
  assert.match(page.url(), /#\/login$/);
  const loaderHidden = await page.evaluate(() => document.getElementById("loader").classList.contains("done"));
  assert.ok(loaderHidden, "the loading overlay is gone");
  const labels = (await b.items(page)).map((i) => `${i.kind}:${i.label}`);
  for (const want of ["input:Username or email", "input:Password", "button:Show password",
                      "link:Forgot password?", "button:Sign in", "link:Sign up"])
    assert.ok(labels.includes(want), `${want} in ${labels.join(", ")}`);
  await b.screenshot(page, "sign-in-desktop");
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test("typing fills the fields; the password is masked until shown", async () => {
  const page = await openApp();
  await b.typeInto(page, "Username or email", "ada@example.com");
  await b.typeInto(page, "Password", "s3cret pass");
  await b.waitFor(page, async () => {
    const it = await b.items(page);
    const login = it.find((i) => i.label === "Username or email");
    const pw = it.find((i) => i.label === "Password");
    return login.value === "ada@example.com" && pw.value === "*".repeat(11);
  }, "typed values");
  await b.click(page, "Show password", "button");
  await b.findItem(page, "Hide password", "button");
  await b.waitFor(page, async () => (await b.items(page)).find(
    (i) => i.label === "Password" && i.value === "s3cret pass"), "the password in clear");
  await b.screenshot(page, "sign-in-password-shown");
  await page.context().close();
});

test("empty submit shows inline errors; a refused sign-in shows the server's message", async () => {
  const page = await openApp();
  await b.click(page, "Sign in", "button");
  const s1 = await b.waitFor(page, async () => { const s = await b.state(page); return s.toasts.length >= 2 && s; }, "field errors");
  assert.ok(s1.toasts.some((t) => /username or email/i.test(t.text)));
  assert.ok(s1.toasts.some((t) => /password/i.test(t.text)));
  await b.screenshot(page, "sign-in-empty-errors");

  await b.typeInto(page, "Username or email", "nobody");
  await b.typeInto(page, "Password", "wrong password 123");
  await page.keyboard.press("Enter");
  const s2 = await b.waitFor(page, async () => {
    const s = await b.state(page);
    return s.busy === 0 && s.toasts.length === 1 && s;
  }, "the refusal");
  assert.equal(s2.toasts[0].kind, "error");
  assert.equal(s2.route, "login");
  assert.equal(s2.user, null);
  await b.screenshot(page, "sign-in-refused");
  await page.context().close();
});

test("links route by URL hash; back returns; the title follows", async () => {
  const page = await openApp();
  await b.click(page, "Sign up", "link");
  await b.waitForRoute(page, "signup");
  assert.match(page.url(), /#\/signup$/);
  assert.equal(await page.title(), "Sign up \u00b7 Skyloom");
  await page.goBack();
  await b.waitForRoute(page, "login");
  await b.click(page, "Forgot password?", "link");
  await b.waitForRoute(page, "forgot");
  await page.reload();
  await b.waitForRoute(page, "forgot");
  await page.context().close();
});

test("an idle page renders no frames", async () => {
  const page = await openApp();
  await page.waitForTimeout(300);  // let start-up settle
  const before = await page.evaluate(() => window.skyloom.frames);
  await page.waitForTimeout(1500);
  const afterIdle = await page.evaluate(() => window.skyloom.frames);
  assert.equal(afterIdle - before, 0);
  await page.mouse.move(300, 300);
  await b.waitFor(page, async () => (await page.evaluate(() => window.skyloom.frames)) > afterIdle, "a frame after input");
  await page.context().close();
});

test("layout holds on a 375 px phone at 3x and a 2x laptop", async () => {
  for (const [name, opts] of [["sign-in-phone-3x", {width: 375, height: 740, deviceScaleFactor: 3}],
                              ["sign-in-laptop-2x", {width: 1440, height: 900, deviceScaleFactor: 2}]]) {
    const page = await openApp(opts);
    for (const item of await b.items(page)) {
      assert.ok(item.x >= 0 && item.x + item.w <= opts.width + 0.5, `${item.label} fits horizontally`);
    }
    const canvas = await page.evaluate(() => [document.getElementById("canvas").width, window.innerWidth]);
    assert.equal(canvas[0], opts.width * opts.deviceScaleFactor);
    await b.screenshot(page, name);
    await page.context().close();
  }
});
