// Subscriptions and notifications end to end (issue 5) with the settings of issue 6, in real
// headless Chromium driven like a person: ada (the browser) opens grace's portfolio from her
// name on a post and subscribes; grace (over the API: the meme editor is another screen) posts a
// meme; ada's bell shows it, the list opens the post, and the email sits in the outbox. Ada turns
// email off in Settings and grace's next meme mails nothing. Also: the Following tab, the blur
// toggle and the AI history (delete one entry) in Settings. Screenshots of every screen.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const {execFileSync} = require("child_process");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");

const DEMO_PASSWORD = "skyloom-demo-2026";  // src/server/demo_seed.h
const ADA_EMAIL = "ada@demo.skyloom.local";
const MAIL_WAIT_MS = 15000;

let server;
let browser;
let page;
let grace;  // grace's access token
let dir;

async function api(method, p, token, body, type = "application/json") {
  const headers = {Accept: "application/json"};
  if (token) headers.Authorization = "Bearer " + token;
  if (body !== undefined) headers["Content-Type"] = type;
  const res = await fetch(server.url + "/api/v1" + p, {
    method, headers, body: body === undefined ? undefined : (type === "application/json" ? JSON.stringify(body) : body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function login(username) {
  return (await api("POST", "/auth/login", null, {username, password: DEMO_PASSWORD})).access_token;
}

// grace posts a meme: an uploaded picture as its rendering and background, plus the spec.
async function postMeme(top, seed) {
  const png = path.join(dir, `meme-${seed}.png`);
  execFileSync("convert", ["-size", "320x240", `plasma:fractal`, "-seed", String(seed), png]);
  const media = await api("POST", "/media", grace, fs.readFileSync(png), "image/png");
  const box = (text, y) => ({text, x: 0.05, y, w: 0.9, h: 0.2});
  const meme = {background: {media_id: media.media ? media.media.id : media.id},
                boxes: [box(top, 0.03), box("bottom text", 0.77)]};
  const answer = await api("POST", "/posts", grace, {text: "", media_id: meme.background.media_id, meme});
  return answer.post || answer;
}

// Mails to ada about grace's memes in the outbox.
function memeMails() {
  if (!fs.existsSync(server.outbox)) return [];
  return fs.readdirSync(server.outbox).filter((f) => f.endsWith(".eml")).map((f) => fs.readFileSync(path.join(server.outbox, f), "utf8"))
    .filter((t) => t.includes(ADA_EMAIL) && /^Subject: grace posted a new meme/m.test(t));
}

const state = () => b.state(page);
const waitState = (what, pred, timeout) => b.waitFor(page, async () => { const s = await state(); return s && pred(s) && s; }, what, timeout);

// The bell refreshes when the tab regains focus (and every 30 s): a person switching back.
async function refocus() {
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "skyloom-e2e-social-"));
  server = await startServer(["--demo", "--demo-posts", "4", "--demo-image-every", "0"]);
  browser = await b.launch();
  page = await b.openPage(browser);
  grace = await login("grace");
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

test("ada subscribes to grace from her portfolio, reached by clicking her name", async () => {
  await api("POST", "/posts", grace, {text: "Follow me for memes about compilers."});
  await page.goto(server.url + "/#/login");
  await b.typeInto(page, "Username or email", "ada");
  await b.typeInto(page, "Password", DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await waitState("the feed", (s) => s.route === "feed" && s.feed.posts.length > 0 && s.feed.posts[0].author === "grace");
  await waitState("the bell's first poll", (s) => s.notifications.loaded && s.settings.loaded);

  // Before subscribing, the Following tab explains how to follow people.
  await b.click(page, "Following", "tab");
  await waitState("the empty following feed", (s) => s.route === "following" && s.feed.reached_end && s.feed.posts.length === 0);
  await b.settle(page, 3);
  await b.screenshot(page, "social-following-empty");
  await b.click(page, "Explore", "tab");
  await waitState("explore", (s) => s.route === "feed" && s.feed.posts.length > 0);

  await b.click(page, "@grace", "link");
  const s = await waitState("grace's portfolio", (s) => s.route === "u" && s.profile.username === "grace" && s.profile.loaded && s.profile.posts.length > 0);
  assert.equal(s.profile.subscribed, false);
  const before = s.profile.subscriber_count;
  await b.settle(page, 3);
  await b.screenshot(page, "social-portfolio");

  await b.click(page, "Subscribe", "button");
  const after = await waitState("subscribed", (s) => s.profile.subscribed === true && !s.profile.subscribing);
  assert.equal(after.profile.subscriber_count, before + 1);
  const unsubscribe = await b.findItem(page, "Unsubscribe", "button");
  assert.ok(unsubscribe.enabled);
});

test("the Following tab shows grace's posts", async () => {
  await b.click(page, "Skyloom home", "link");
  await waitState("the feed", (s) => s.route === "feed");
  await b.click(page, "Following", "tab");
  const s = await waitState("the following feed", (s) => s.route === "following" && s.feed.posts.length > 0);
  assert.ok(s.feed.posts.every((p) => p.author === "grace"), "only creators ada subscribes to");
  await b.settle(page, 3);
  await b.screenshot(page, "social-following");
});

let memeId;

test("grace's meme rings ada's bell; the list opens the post; the email is in the outbox", async () => {
  const meme = await postMeme("when the build is green", 1);
  memeId = meme.id;
  await b.waitFor(page, async () => { await refocus(); await page.waitForTimeout(300); return (await state()).notifications.unread >= 1; }, "the bell's unread count", 20000);
  await b.settle(page, 3);
  await b.screenshot(page, "social-bell");

  await b.click(page, "Notifications", "button");
  const list = await waitState("the notification list", (s) => s.route === "notifications" && s.notifications.items.length > 0);
  const item = list.notifications.items[0];
  assert.equal(item.post_id, memeId);
  assert.equal(item.read, false);
  await b.settle(page, 3);
  await b.screenshot(page, "social-notifications");

  await b.click(page, item.text, "link");
  const post = await waitState("the meme's page", (s) => s.route === "post" && s.location_param === memeId);
  assert.equal(post.route, "post");
  await waitState("the notification marked read", (s) => s.notifications.unread === 0 && s.notifications.items[0].read);
  await b.settle(page, 3);
  await b.screenshot(page, "social-post-from-notification");

  await b.waitFor(page, async () => memeMails().length === 1, "the email to ada", MAIL_WAIT_MS);
  assert.match(memeMails()[0], /grace posted a new meme/);
});

test("with email off in Settings, grace's next meme notifies ada in the app only", async () => {
  // Something for the AI history: an autofill by ada.
  const ada = await login("ada");
  await api("POST", "/ai/autofill", ada, {text: "Memes are", max_tokens: 3});
  await api("POST", "/ai/autofill", ada, {text: "Compilers are", max_tokens: 3});

  await b.click(page, "Settings", "button");
  await waitState("settings", (s) => s.route === "settings" && s.settings.loaded && s.settings.history_loaded && s.settings.history.length === 2);
  const s = await state();
  assert.equal(s.settings.email_notifications, true);
  assert.equal(s.settings.blur_sensitive, true);
  await b.settle(page, 3);
  await b.screenshot(page, "social-settings");

  await b.click(page, "Email me about new memes", "checkbox");
  await waitState("email off, saved", (s) => s.settings.email_notifications === false && !s.settings.saving);
  await b.click(page, "Blur sensitive images until I click them", "checkbox");
  await waitState("blur off, saved", (s) => s.settings.blur_sensitive === false && !s.settings.saving && s.feed.blur_sensitive === false);
  // Settings are the server's: a fresh read agrees.
  const stored = await api("GET", "/me/settings", ada);
  assert.deepEqual(stored, {email_notifications: false, blur_sensitive: false});

  // Delete one AI history entry.
  await b.click(page, "Delete", "link");
  await waitState("one history entry left", (s) => s.settings.history.length === 1 && !s.settings.deleting);
  assert.equal((await api("GET", "/ai/history", ada)).items.length, 1);
  await b.settle(page, 3);
  await b.screenshot(page, "social-settings-changed");

  const mailsBefore = memeMails().length;
  const second = await postMeme("when the build is red", 2);
  await b.waitFor(page, async () => { await refocus(); await page.waitForTimeout(300); const n = (await state()).notifications; return n.unread >= 1 && n.items[0].post_id === second.id; }, "the second notification", 20000);
  // The fan-out queues mail with the notification row; give the mail queue time to deliver.
  await page.waitForTimeout(2000);
  assert.equal(memeMails().length, mailsBefore, "no email after turning it off");
  assert.deepEqual(page.consoleErrors, []);
});

test("the portfolio grid shows the memes; the screens fit a phone", async () => {
  await page.evaluate(() => { window.location.hash = "#/u/grace"; });
  await waitState("grace's portfolio with her memes", (s) => s.route === "u" && s.profile.meme_count === 2 && s.profile.posts.filter((p) => p.meme).length === 2);
  await b.waitFor(page, async () => (await state()).images.loading === 0, "tiles loaded");
  await b.settle(page, 4);
  await b.screenshot(page, "social-portfolio-memes");

  await page.setViewportSize({width: 375, height: 740});
  for (const route of ["u/grace", "notifications", "settings", "following"]) {
    await page.evaluate((r) => { window.location.hash = "#/" + r; }, route);
    await waitState("route " + route, (s) => s.route === route.split("/")[0] && s.busy === 0);
    await b.settle(page, 4);
    await b.screenshot(page, "social-phone-" + route.replace("/", "-"));
    // The top bar's controls stay on screen and never overlap.
    const bar = (await b.items(page)).filter((i) => ["Skyloom home", "Notifications", "Settings", "Sign out"].includes(i.label) && i.y < 56)
      .sort((a, c) => a.x - c.x);
    assert.equal(bar.length, 4, "all four top bar controls on #/" + route);
    for (let i = 0; i < bar.length; i++) {
      assert.ok(bar[i].x >= 0 && bar[i].x + bar[i].w <= 375, `${bar[i].label} inside the screen`);
      if (i > 0) assert.ok(bar[i - 1].x + bar[i - 1].w <= bar[i].x, `${bar[i - 1].label} and ${bar[i].label} do not overlap`);
    }
  }
  await page.setViewportSize({width: 1280, height: 800});
});

test("signed in, an idle social screen renders no frames (the bell polls by timer, not by frame)", async () => {
  for (const route of ["settings", "notifications", "u/grace"]) {
    await page.evaluate((r) => { window.location.hash = "#/" + r; }, route);
    await waitState("route " + route, (s) => s.route === route.split("/")[0] && s.busy === 0);
    await page.waitForTimeout(500);  // settle
    // A window in which the 30 s poll fires renders its frames; measure again then.
    let frames = -1;
    for (let attempt = 0; attempt < 3 && frames !== 0; attempt++) {
      const polls = (await state()).notifications.polls;
      const before = await page.evaluate(() => window.skyloom.frames);
      await page.waitForTimeout(1500);
      const after = await page.evaluate(() => window.skyloom.frames);
      if ((await state()).notifications.polls !== polls) continue;
      frames = after - before;
    }
    assert.equal(frames, 0, "frames while idle on #/" + route);
  }
});
