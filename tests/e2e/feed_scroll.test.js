// The feed against a seeded server (--demo): endless scroll through cursor pages with the mouse
// wheel, only visible rows submitted, and the layout on a 375 px phone and a 1920 px desktop.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");

const DEMO_POSTS = 120;
const DEMO_PASSWORD = "skyloom-demo-2026";  // src/server/demo_seed.h

let server;
let browser;

before(async () => {
  server = await startServer(["--demo", "--demo-posts", String(DEMO_POSTS)]);
  browser = await b.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function signIn(options) {
  const page = await b.openPage(browser, options);
  await page.goto(server.url + "/#/login");
  await b.typeInto(page, "Username or email", "ada");
  await b.typeInto(page, "Password", DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.route === "feed" && s.feed.posts.length > 0; }, "the first page");
  return page;
}

test("wheel scrolling pulls every page through the cursor API; only visible cards are submitted", async () => {
  const page = await signIn();
  const first = await b.state(page);
  assert.equal(first.feed.posts.length, 20, "one page at first");
  await b.screenshot(page, "feed-demo-desktop");
  const cardsPerFrame = (await b.items(page)).filter((i) => i.label === "Delete").length;
  await page.mouse.move(640, 500);
  const start = Date.now();
  let s = first;
  while (!s.feed.reached_end && Date.now() - start < 60000) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(60);
    s = await b.state(page);
  }
  assert.ok(s.feed.reached_end, "reached the end of the feed");
  assert.equal(s.feed.posts.length, DEMO_POSTS);
  assert.equal(new Set(s.feed.posts.map((p) => p.id)).size, DEMO_POSTS, "no duplicates");
  // Visible rows only: the bridge lists the items of submitted cards (time links), a handful.
  const timeLinks = (await b.items(page)).filter((i) => i.kind === "link" && /ago|now|^\d+[smhd]$|^[A-Z][a-z]{2} \d/.test(i.label));
  assert.ok(timeLinks.length > 0 && timeLinks.length < 20, `${timeLinks.length} cards submitted`);
  assert.ok(cardsPerFrame >= 0);
  await b.screenshot(page, "feed-demo-end");
  await page.context().close();
});

test("the feed fits a 375 px phone at 3x and keeps a column on a 1920 px desktop", async () => {
  for (const [name, opts] of [["feed-phone-3x", {width: 375, height: 740, deviceScaleFactor: 3}],
                              ["feed-desktop-1920", {width: 1920, height: 1080, deviceScaleFactor: 1}]]) {
    const page = await signIn(opts);
    await page.waitForTimeout(200);
    const items = await b.items(page);
    for (const item of items)
      assert.ok(item.x >= 0 && item.x + item.w <= opts.width + 0.5, `${item.label} fits horizontally`);
    const composer = items.find((i) => i.label === "What's on your mind?");
    assert.ok(composer.w <= 640, "the content column has a max width");
    await b.screenshot(page, name);
    await page.context().close();
  }
});
