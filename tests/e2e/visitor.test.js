// Visitors (issue 11, item 1): everyone can read Explore, a shared post, a portfolio and the
// groups without an account; a member action asks them to sign in and then comes back to
// exactly where they were. Real mouse, keyboard and touch on the canvas, located through the
// bridge (window.skyloom.items()).
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");

const DEMO_PASSWORD = "skyloom-demo-2026";  // src/server/demo_seed.h

let server;
let browser;

before(async () => {
  server = await startServer(["--demo", "--demo-posts", "12", "--demo-image-every", "3"]);
  browser = await b.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const feedLoaded = (page) => b.waitFor(page, async () => {
  const s = await b.state(page);
  return s && s.route === "feed" && s.feed.posts.length > 0 && s;  // null until the app runs
}, "Explore's posts");

test("a visitor lands on Explore with the ways in, and reads posts, groups and portfolios", async () => {
  const page = await b.openPage(browser);
  const feedRequests = [];
  page.on("request", (r) => { if (/\/api\/v1\/posts\?/.test(r.url())) feedRequests.push(r.url()); });
  await page.goto(server.url + "/");
  const s = await feedLoaded(page);
  assert.equal(s.user, null, "nobody is signed in");
  // The shell asked for the first page beside the .wasm and the app took that answer: one
  // request, not two (shell.js's FEED_FIRST_PAGE must match the app's first request).
  assert.deepEqual(feedRequests.map((u) => new URL(u).search), ["?limit=20"]);
  assert.equal(await page.evaluate(() => Module.skyloomPrefetchesUsed), 1);
  for (const [label, kind] of [["Sign in", "button"], ["Sign up", "button"],
                               ["Create an account", "button"], ["I have an account", "button"]])
    await b.findItem(page, label, kind);
  const items = await b.items(page);
  assert.ok(!items.some((i) => i.label === "What's on your mind?"), "no composer for a visitor");
  await b.screenshot(page, "visitor-explore-desktop");

  // A shared post link, then the author's portfolio from the name on it.
  const post = s.feed.posts[0];
  await page.goto(server.url + "/#/post/" + post.id);
  await b.waitForRoute(page, "post");
  await b.findItem(page, "@" + post.author, "link");  // its card, loaded without a session
  await page.goto(server.url + "/#/u/" + post.author);
  await b.waitFor(page, async () => (await b.state(page)).profile.loaded, "the portfolio");
  await b.findItem(page, "Subscribe", "button");
  await page.goto(server.url + "/#/groups");
  await b.waitForRoute(page, "groups");
  await b.findItem(page, "Create an account", "button");
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test("Subscribe asks a visitor to sign in, then returns to the portfolio to subscribe", async () => {
  const page = await b.openPage(browser);
  await page.goto(server.url + "/#/u/grace");
  await b.waitFor(page, async () => (await b.state(page)).profile.loaded, "grace's portfolio");
  await b.click(page, "Subscribe", "button");
  await b.waitForRoute(page, "login");
  await b.typeInto(page, "Username or email", "ada");
  await b.typeInto(page, "Password", DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  const back = await b.waitFor(page, async () => {
    const t = await b.state(page);
    return t.user === "ada" && t.route === "u" && t.location_param === "grace" && t.profile.loaded && t;
  }, "back on grace's portfolio, signed in");
  assert.match(page.url(), /#\/u\/grace$/);
  assert.equal(back.profile.subscribed, false);
  await b.click(page, "Subscribe", "button");
  await b.waitFor(page, async () => (await b.state(page)).profile.subscribed === true, "subscribed");
  await page.context().close();
});

test("a visitor browses the meme templates; picking one signs in and opens the editor with it", async () => {
  const page = await b.openPage(browser);
  await page.goto(server.url + "/");
  await feedLoaded(page);
  await b.click(page, "Make a meme", "button");
  await b.waitForRoute(page, "meme");
  await b.waitFor(page, async () => (await b.state(page)).meme.templates.length >= 6, "the template gallery");
  await b.click(page, "Two buttons", "button");
  await b.waitForRoute(page, "login");
  await b.typeInto(page, "Username or email", "ada");
  await b.typeInto(page, "Password", DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  const m = await b.waitFor(page, async () => {
    const s = await b.state(page);
    return s.user === "ada" && s.route === "meme" && s.meme.spec.background.template_id && s.meme;
  }, "back in the editor with the template");
  assert.equal(m.templates.find((t) => t.id === m.spec.background.template_id).name, "Two buttons");
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test("private pages ask to sign in; a phone visitor's Explore fits and scrolls by touch", async () => {
  const page = await b.openPhone(browser);
  await page.goto(server.url + "/#/following");
  await b.waitForRoute(page, "login");
  await page.goto(server.url + "/#/feed");
  const s = await feedLoaded(page);
  await b.settle(page, 3);
  const items = await b.items(page);
  const width = await page.evaluate(() => innerWidth);
  for (const label of ["Sign in", "Sign up", "Create an account", "I have an account"]) {
    const item = items.find((i) => i.label === label && i.kind === "button");
    assert.ok(item, label);
    assert.ok(item.x >= 0 && item.x + item.w <= width + 0.5, `${label} fits the phone`);
  }
  await b.screenshot(page, "visitor-explore-phone");
  const row = (await b.state(page)).feed.last_visible_row;
  await b.swipe(page, width / 2, 700, -420);
  await b.waitFor(page, async () => (await b.state(page)).feed.last_visible_row > row, "Explore scrolled by a swipe");
  await b.swipe(page, width / 2, 300, 2000);  // back to the top, where the card is
  await b.tap(page, "I have an account", "button");
  await b.waitForRoute(page, "login");
  assert.ok(s.feed.posts.length > 0);
  await page.context().close();
});
