// Keyboards, the clipboard and password managers on a desktop Chromium: the app's text fields
// are real DOM fields (src/app/platform/text_fields_web.js) over ImGui's frames, so typing is
// never late or lost, Ctrl+A/C/X/V act as in any page, and password managers find real forms.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");

const DEMO_PASSWORD = "skyloom-demo-2026";  // src/server/demo_seed.h

let server;
let browser;

before(async () => {
  server = await startServer(["--demo", "--demo-posts", "8", "--demo-image-every", "0"]);
  browser = await b.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function openSignIn(options) {
  const page = await b.openPage(browser, options);
  await page.goto(server.url + "/#/login");
  await b.findItem(page, "Sign in", "button");
  return page;
}

const fieldValue = async (page, label) =>
  ((await b.items(page)).find((i) => i.label === label && i.kind === "input") || {}).value;

async function signIn(page) {
  await b.typeInto(page, "Username or email", "ada");
  await b.typeInto(page, "Password", DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.route === "feed" && s.feed.posts.length > 0; }, "the feed");
}

test("200 characters typed with no delay arrive exactly, with no further event", async () => {
  const page = await openSignIn();
  await b.click(page, "Username or email", "input");
  const text = "The quick brown fox jumps over the lazy dog 0123456789 -_.@+!? ".repeat(4).slice(0, 200);
  assert.equal(text.length, 200);
  await page.keyboard.type(text);  // no delay between keys
  // From here on nothing touches the page: the last keystrokes must not wait for another event.
  const start = Date.now();
  await b.waitFor(page, async () => (await fieldValue(page, "Username or email")) === text,
                  "all 200 characters", 3000);
  const arrivedMs = Date.now() - start;
  assert.equal(await fieldValue(page, "Username or email"), text);
  // And the loop goes idle again once they are in.
  await page.waitForTimeout(600);
  const frames = await b.frames(page);
  await page.waitForTimeout(1500);
  assert.equal(await b.frames(page), frames, "no frames once the text is in");
  console.log(`# the last of 200 keys showed ${arrivedMs} ms after typing ended`);
  await page.context().close();
});

test("Ctrl+A then typing replaces the password; the second sign-in works", async () => {
  const page = await openSignIn();
  await b.typeInto(page, "Username or email", "ada");
  await b.typeInto(page, "Password", "not the password");
  await page.keyboard.press("Enter");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.busy === 0 && s.toasts.some((t) => t.kind === "error") && s; }, "the refusal");
  await b.click(page, "Password", "input");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(DEMO_PASSWORD);
  await b.waitFor(page, async () => (await fieldValue(page, "Password")) === "*".repeat(DEMO_PASSWORD.length),
                  "exactly the new password");
  await page.keyboard.press("Enter");
  await b.waitForRoute(page, "feed");
  assert.equal((await b.state(page)).user, "ada");
  await page.context().close();
});

test("paste from the OS clipboard lands in the field; Copy text and Copy link fill it", async () => {
  const page = await openSignIn();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {origin: server.url});
  await signIn(page);
  const pasted = "pasted \u2713 \u0442\u0435\u043a\u0441\u0442 \u65e5\u672c\u8a9e \ud83c\udf89";
  await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
  await b.click(page, "What's on your mind?", "input");
  await page.keyboard.type("Before: ");
  await page.keyboard.press("Control+V");
  await b.waitFor(page, async () => (await fieldValue(page, "What's on your mind?")) === "Before: " + pasted,
                  "the pasted text, emoji and all");

  // Cut then paste moves the text (the field's own clipboard, through the OS one).
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+X");
  await b.waitFor(page, async () => (await fieldValue(page, "What's on your mind?")) === "", "the cut");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "Before: " + pasted);

  // A post's text and link through its "More" menu.
  const first = (await b.state(page)).feed.posts[0];
  await b.click(page, "More", "button");
  await b.click(page, "Copy text");
  await b.waitFor(page, async () => (await page.evaluate(() => navigator.clipboard.readText())) === first.text,
                  "the post's text on the clipboard");
  await b.click(page, "More", "button");
  await b.click(page, "Copy link");
  const link = await b.waitFor(page, async () => {
    const t = await page.evaluate(() => navigator.clipboard.readText());
    return t.endsWith("/p/" + first.id) && t;
  }, "the post's link on the clipboard");
  assert.equal(link, server.url + "/p/" + first.id);
  assert.deepEqual(page.consoleErrors, []);
  // The link is the server's page for the post (what a chat previews), and it leads back in.
  await page.goto(link);
  assert.equal(await page.getAttribute('meta[property="og:url"]', "content"), link);
  assert.ok((await page.textContent("article p")).startsWith(first.text.slice(0, 20)));
  await page.click("text=Open in Skyloom");
  await b.waitForRoute(page, "post");
  assert.equal((await b.state(page)).location_param, first.id);
  await page.context().close();
});

test("a post's text selects with the mouse like page text and Ctrl+C copies it", async () => {
  const page = await openSignIn();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {origin: server.url});
  await signIn(page);
  await b.settle(page, 3);
  const first = (await b.state(page)).feed.posts[0];
  // The selectable copy of the first post's first line, over the drawn text.
  const line = await b.waitFor(page, () => page.evaluate(() => {
    const s = document.querySelector("#skyloom-text span");
    if (!s) return null;
    const r = s.getBoundingClientRect();
    const pad = parseFloat(getComputedStyle(s).paddingRight) || 0;  // the reach past its end
    return {x: r.x, y: r.y, w: r.width - pad, h: r.height, text: s.textContent};
  }), "the selectable text layer");
  assert.ok(first.text.startsWith(line.text), `the layer holds the post's text: "${line.text}"`);
  // Drag from the line's start to past its end, as a person selects a line.
  await page.mouse.move(line.x + 1, line.y + line.h / 2);
  await page.mouse.down();
  await page.mouse.move(line.x + line.w + 30, line.y + line.h / 2, {steps: 6});
  await page.mouse.up();
  assert.equal(await page.evaluate(() => String(getSelection()).trim()), line.text.trim());
  const shot = await b.screenshot(page, "keyboard-post-text-selected");
  await page.keyboard.press("Control+C");
  await b.waitFor(page, async () => (await page.evaluate(() => navigator.clipboard.readText())).trim() === line.text.trim(),
                  "the selection on the clipboard");
  assert.equal((await b.state(page)).route, "feed", "selecting text opened nothing");
  assert.ok(shot);
  // While the feed scrolls the copy is hidden (not moved every frame); once still it is back,
  // over the text where it now is.
  const spanTop = () => page.evaluate((t) => {
    const s = [...document.querySelectorAll("#skyloom-text span")].find((x) => x.textContent === t);
    return s ? s.getBoundingClientRect().y : null;
  }, line.text);
  const layerHidden = () => page.evaluate(() => document.getElementById("skyloom-text").style.visibility === "hidden");
  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, 120);
  await b.waitFor(page, layerHidden, "the layer hidden while scrolling");
  await b.waitFor(page, async () => !(await layerHidden()), "the layer back once still");
  const scrolled = await b.state(page);
  const top = await spanTop();
  assert.ok(top !== null && top < line.y - 40, `the line's copy moved with the feed: ${line.y} -> ${top}`);
  assert.equal(scrolled.route, "feed");
  await page.context().close();
});

// What a password manager looks for on each auth screen: a <form> whose inputs carry name, id
// and the standard autocomplete tokens, over the drawn fields, found there by elementFromPoint.
const FORMS = {
  "#/login": {form: "sign-in-form", fields: [
    {label: "Username or email", name: "username", autocomplete: "username"},
    {label: "Password", name: "password", autocomplete: "current-password", type: "password"}]},
  "#/signup": {form: "sign-up-form", fields: [
    {label: "Username", name: "username", autocomplete: "username"},
    {label: "Email", name: "email", autocomplete: "email", type: "email"},
    {label: "Password", name: "password", autocomplete: "new-password", type: "password"}]},
  "#/verify": {form: "verify-form", fields: [
    {label: "Verification code", name: "code", autocomplete: "one-time-code", inputmode: "numeric"}]},
  "#/forgot": {form: "forgot-form", fields: [
    {label: "Email", name: "email", autocomplete: "email", type: "email"}]},
  "#/reset": {form: "reset-form", fields: [
    {label: "Email", name: "email", autocomplete: "email", type: "email"},
    {label: "Reset code", name: "code", autocomplete: "one-time-code", inputmode: "numeric"},
    {label: "New password", name: "password", autocomplete: "new-password", type: "password"}]},
};

test("every auth screen is a real form with the standard tokens, over the drawn fields", async () => {
  const page = await b.openPage(browser);
  for (const [hash, want] of Object.entries(FORMS)) {
    await page.goto(server.url + "/" + hash);
    await b.findItem(page, want.fields[want.fields.length - 1].label, "input");
    await b.settle(page, 3);
    for (const f of want.fields) {
      const item = await b.findItem(page, f.label, "input");
      const dom = await page.evaluate(({form, name, x, y}) => {
        const el = document.querySelector(`form#${form} [name="${name}"]`);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(x, y);
        return {id: el.id, type: el.type, autocomplete: el.getAttribute("autocomplete"),
                inputmode: el.getAttribute("inputmode") || "", w: r.width, h: r.height, hit: hit === el};
      }, {form: want.form, name: f.name, x: item.x + 20, y: item.y + item.h / 2});
      assert.ok(dom, `${hash}: ${f.name} inside form#${want.form}`);
      assert.equal(dom.id, f.name, `${hash}: id`);
      assert.equal(dom.autocomplete, f.autocomplete, `${hash}: ${f.name} autocomplete`);
      assert.equal(dom.type, f.type || "text", `${hash}: ${f.name} type`);
      if (f.inputmode) assert.equal(dom.inputmode, f.inputmode, `${hash}: ${f.name} inputmode`);
      assert.ok(dom.w >= 30 && dom.h >= 15, `${hash}: ${f.name} is ${dom.w}x${dom.h}`);
      assert.ok(dom.hit, `${hash}: elementFromPoint over "${f.label}" finds the ${f.name} input`);
    }
  }
  await b.screenshot(page, "keyboard-reset-form");
  await page.context().close();
});

test("a password manager's fill reaches the app; success leaves the form with pushState and a stored credential", async () => {
  const context = await browser.newContext({viewport: {width: 1280, height: 800}});
  // Spies installed before the app loads: what Chrome's manager would see.
  await context.addInitScript(() => {
    window.__pushed = [];
    window.__stored = [];
    const push = history.pushState.bind(history);
    history.pushState = (s, t, url) => { window.__pushed.push(String(url)); return push(s, t, url); };
    if (navigator.credentials) {
      navigator.credentials.store = (c) => {
        window.__stored.push({type: c.type, id: c.id, password: c.password});
        return Promise.resolve(c);
      };
    }
  });
  const page = await context.newPage();
  await page.goto(server.url + "/#/login");
  await b.findItem(page, "Sign in", "button");
  await b.settle(page, 3);
  // The manager writes the values and fires the events pages listen to; no keyboard at all.
  await page.evaluate((password) => {
    for (const [name, value] of [["username", "ada"], ["password", password]]) {
      const el = document.querySelector(`form#sign-in-form [name="${name}"]`);
      el.value = value;
      el.dispatchEvent(new Event("input", {bubbles: true}));
      el.dispatchEvent(new Event("change", {bubbles: true}));
    }
  }, DEMO_PASSWORD);
  await b.waitFor(page, async () => (await fieldValue(page, "Username or email")) === "ada" &&
                                    (await fieldValue(page, "Password")) === "*".repeat(DEMO_PASSWORD.length),
                  "the filled values in the app");
  await b.click(page, "Sign in", "button");
  await b.waitForRoute(page, "feed");
  const seen = await b.waitFor(page, () => page.evaluate(() =>
    window.__stored.length && {pushed: window.__pushed, stored: window.__stored,
                               form: !!document.querySelector("form#sign-in-form input")}), "the credential stored");
  assert.ok(seen.pushed.some((u) => u.endsWith("#/feed")), `pushState after sign-in: ${seen.pushed}`);
  assert.deepEqual(seen.stored, [{type: "password", id: "ada", password: DEMO_PASSWORD}]);
  assert.equal(seen.form, false, "the sign-in form is gone");
  await context.close();
});
