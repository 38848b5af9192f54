// Screen readers and keyboards (issue 11, items 2 and 3). The screen-reader flows read the page
// only through Chromium's accessibility tree (CDP Accessibility.getFullAXTree) and act only
// through role/name locators with the keyboard: no canvas coordinates, no bridge items. The
// keyboard-only flow uses nothing but key presses. State is read afterwards to check outcomes.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const b = require("./lib/browser");
const ax = require("./lib/ax");
const {startServer} = require("./lib/server");
const {latestCode} = require("./lib/outbox");

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

// Focuses an element found by role and name, as a screen reader's "move to" does, then presses
// a key on it.
async function press(page, role, name, key = "Enter") {
  const target = page.getByRole(role, {name, exact: typeof name === "string"}).first();
  await target.waitFor({state: "attached", timeout: 10000});
  await target.focus();
  await page.keyboard.press(key);
}

async function typeIn(page, name, text) {
  const field = page.getByRole("textbox", {name, exact: true}).first();
  await field.waitFor({state: "attached", timeout: 10000});
  await field.focus();
  await page.keyboard.type(text, {delay: 5});
}

const waitAx = (page, role, name, what) =>
  b.waitFor(page, () => ax.find(page, role, name), what || `${role} "${name}" in the accessibility tree`);

test("a screen reader follows a shared link, reads the feed, signs up, posts, opens a post and subscribes", async () => {
  const page = await b.openPage(browser);
  // The shared link's server page, then into the app with its link.
  // The demo posts are written while the server starts: Explore is opened once they are there.
  await b.waitFor(page, async () => {
    const res = await fetch(server.url + "/api/v1/posts?limit=5");
    return res.ok && (await res.json()).items.length >= 5;
  }, "the demo posts");
  await page.goto(server.url + "/");
  const first = await b.waitFor(page, async () => {
    const s = await b.state(page);
    return s && s.feed && s.feed.posts.length >= 5 && s.feed.posts;
  }, "Explore's posts");
  await page.goto(server.url + "/p/" + first[1].id);
  await press(page, "link", "Open in Skyloom");
  await waitAx(page, "main", "Post");
  const article = await waitAx(page, "article", "@" + first[1].author);
  assert.match(ax.textOf(article), new RegExp(first[1].text.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

  // Back to the feed; the first five posts' authors and texts, read from the tree alone.
  await press(page, "link", /Back to the feed/);
  await waitAx(page, "main", "Explore");
  const articles = await b.waitFor(page, async () => {
    const all = ax.flatten(await ax.axTree(page)).filter((n) => n.role === "article");
    return all.length >= 5 && all;
  }, "five articles");
  for (let i = 0; i < 5; i++) {
    assert.equal(articles[i].name, "@" + first[i].author, `post ${i + 1}'s author`);
    const text = ax.textOf(articles[i]);
    if (first[i].text) assert.ok(text.includes(first[i].text.slice(0, 30)), `post ${i + 1}'s text in "${text}"`);
  }
  const heading = await ax.find(page, "heading", "Explore");
  assert.equal(heading.props.level, 1);
  const tab = await ax.find(page, "tab", "Explore");
  assert.equal(tab.props.selected, true, "the Explore tab is selected");

  // Sign up from the banner, with the code from the mail.
  await press(page, "button", "Sign up");
  await waitAx(page, "main", "Sign up");
  await typeIn(page, "Username", "sr_user");
  await typeIn(page, "Email", "sr.user@example.com");
  await typeIn(page, "Password", "a screen reader's pass");
  await press(page, "button", "Create account");
  await waitAx(page, "textbox", "Verification code");
  const code = await b.waitFor(page, async () => latestCode(server.outbox, "sr.user@example.com", /code/i), "the code");
  await typeIn(page, "Verification code", code);
  await page.keyboard.press("Enter");
  await waitAx(page, "textbox", "What's on your mind?", "the composer, signed in");

  // Write and publish a post.
  const mine = "Written by keyboard through the accessibility tree " + Date.now();
  await typeIn(page, "What's on your mind?", mine);
  await press(page, "button", "Post");
  await b.waitFor(page, async () => {
    const arts = ax.flatten(await ax.axTree(page)).filter((n) => n.role === "article" && n.name === "@sr_user");
    return arts.some((a) => ax.textOf(a).includes(mine));
  }, "my post as an article");
  const live = await ax.find(page, "status");
  assert.ok(live, "a live region for messages");

  // Open a post from its article (focus + Enter), then subscribe to its author.
  const other = first.find((p) => p.author !== "sr_user");
  await press(page, "article", "@" + other.author);
  await waitAx(page, "main", "Post");
  await press(page, "link", "@" + other.author);
  await waitAx(page, "main", "@" + other.author);
  await press(page, "button", "Subscribe", " ");
  await waitAx(page, "button", "Unsubscribe", "subscribed");
  assert.equal((await b.state(page)).profile.subscribed, true);
  await b.screenshot(page, "a11y-subscribed");
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test("a screen reader signs in from a member action and lands back where it was", async () => {
  const page = await b.openPage(browser);
  await page.goto(server.url + "/#/u/grace");
  await waitAx(page, "main", "@grace");
  await press(page, "button", "Subscribe");
  await waitAx(page, "main", "Sign in");
  await typeIn(page, "Username or email", "ada");
  await typeIn(page, "Password", DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await waitAx(page, "main", "@grace", "back on grace's portfolio");
  assert.equal((await b.state(page)).user, "ada");
  await page.context().close();
});

test("keyboard only: Tab to sign in, post, j to the next post, ? for the shortcuts, g n", async () => {
  const page = await b.openPage(browser);
  await page.goto(server.url + "/#/login");
  await b.waitForRoute(page, "login");
  // The username field has the focus; Tab walks the controls in the order they are drawn,
  // fields included, and Shift+Tab walks back.
  await b.waitFor(page, async () => (await b.activeElement(page)).name === "username", "the username field focused");
  await page.keyboard.press("Tab");
  assert.equal((await b.activeElement(page)).type, "password", "Tab goes on to the password");
  await page.keyboard.press("Shift+Tab");
  assert.equal((await b.activeElement(page)).name, "username", "Shift+Tab comes back");
  await page.keyboard.type("ada", {delay: 5});
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Show password",
               "after the password: the next control down the form");
  await page.keyboard.press("Shift+Tab");
  assert.equal((await b.activeElement(page)).type, "password");
  await page.keyboard.type(DEMO_PASSWORD, {delay: 5});
  await page.keyboard.press("Enter");
  await b.waitFor(page, async () => (await b.state(page)).user === "ada", "signed in");
  await b.waitForRoute(page, "feed");

  // n: the composer takes the focus; Ctrl+Enter posts.
  await b.waitFor(page, async () => (await b.state(page)).feed.posts.length > 0, "the feed");
  await b.settle(page, 2);
  await page.keyboard.press("n");
  await b.waitFor(page, async () => (await b.activeElement(page)).tag === "TEXTAREA", "the composer focused by n");
  const text = "Posted with the keyboard alone " + Date.now();
  await page.keyboard.type(text, {delay: 5});
  await page.keyboard.press("Control+Enter");
  await b.waitFor(page, async () => (await b.state(page)).feed.posts.some((p) => p.text === text), "the post in the feed");
  await page.keyboard.press("Escape");  // out of the field

  // PageDown and Home scroll the feed as they scroll any page.
  await b.waitFor(page, async () => !(await b.activeElement(page)).tag.match(/TEXTAREA|INPUT/), "out of the field");
  const rowBefore = (await b.state(page)).feed.last_visible_row;
  await page.keyboard.press("PageDown");
  await b.waitFor(page, async () => (await b.state(page)).feed.last_visible_row > rowBefore, "PageDown scrolled the feed");
  await page.keyboard.press("Home");
  await b.waitFor(page, async () => (await b.state(page)).feed.last_visible_row === rowBefore, "Home back at the top");

  // Tab onto a control: the canvas draws a focus ring around it.
  await page.keyboard.press("Tab");
  await b.settle(page, 3);
  await b.screenshot(page, "keyboard-focus-ring");
  // ImGui's arrow-key navigation moves on from the focused control, and the page's focus
  // follows it.
  const tabbed = await page.evaluate(() => document.activeElement.dataset.key || "");
  assert.match(tabbed, /^i:/, "Tab focused a control of the mirror");
  await page.keyboard.press("ArrowRight");
  await b.waitFor(page, () => page.evaluate((k) => {
    const key = document.activeElement.dataset.key || "";
    return key.startsWith("i:") && key !== k;
  }, tabbed), "the focus following the arrow key");

  // j focuses the first post, j the next; Enter opens it; j on a post opens the next one.
  const posts = (await b.state(page)).feed.posts;
  await page.keyboard.press("j");
  await b.waitFor(page, async () => page.evaluate(() => document.activeElement.tagName === "ARTICLE"), "a post focused");
  await page.keyboard.press("j");
  await b.waitFor(page, async () => page.evaluate((id) => document.activeElement.dataset.key === "post-" + id, posts[1].id),
                  "the second post focused");
  await page.keyboard.press("Enter");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.route === "post" && s.location_param === posts[1].id; },
                  "the second post opened");
  await page.keyboard.press("j");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.route === "post" && s.location_param === posts[2].id; },
                  "j opens the next post");

  // ? lists the shortcuts; Esc closes the list.
  await page.keyboard.press("Shift+Slash");
  await waitAx(page, "dialog", "Keyboard shortcuts");
  await b.screenshot(page, "keyboard-shortcuts");
  await page.keyboard.press("Escape");
  await b.waitFor(page, async () => !(await ax.find(page, "dialog", "Keyboard shortcuts")), "the list closed");

  // g then n: notifications.
  await page.keyboard.press("g");
  await page.waitForTimeout(100);  // a person's pace between the two keys
  await page.keyboard.press("n");
  await b.waitForRoute(page, "notifications");
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
