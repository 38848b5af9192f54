// AI text in the real browser: autofill streams ghost text into the composer (Tab accepts, Esc
// dismisses and keeps the draft); the persona chat streams its reply, survives a reload, and one
// account never sees another's conversation.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");

const DEMO_PASSWORD = "skyloom-demo-2026";  // src/server/demo_seed.h

let server;
let browser;

before(async () => {
  server = await startServer(["--demo", "--demo-posts", "4", "--demo-image-every", "0"]);
  browser = await b.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function signIn(username, hash = "#/login") {
  const page = await b.openPage(browser);
  await page.goto(server.url + "/" + hash);
  await b.waitForRoute(page, "login");
  await b.typeInto(page, "Username or email", username);
  await b.typeInto(page, "Password", DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await b.waitFor(page, async () => (await b.state(page)).user === username, "signed in");
  return page;
}

const autofill = async (page) => (await b.state(page)).composer.autofill;

test("autofill streams ghost text; Tab accepts it and Esc dismisses it", async () => {
  const page = await signIn("ada");
  await b.waitForRoute(page, "feed");
  await b.typeInto(page, "What's on your mind?", "The best thing about mornings is");
  await b.click(page, "Autofill", "button");
  const seen = await b.waitFor(page, async () => {
    const a = await autofill(page);
    return a.ghost.length > 0 && a;
  }, "the first ghost words");
  // Pieces arrive while the stream runs: the ghost grows until it is complete.
  const done = await b.waitFor(page, async () => { const a = await autofill(page); return !a.streaming && a; }, "the end of the stream");
  assert.ok(done.ghost.length >= seen.ghost.length);
  assert.ok(done.ghost.split(/\s+/).filter(Boolean).length >= 5, `a real continuation: "${done.ghost}"`);
  assert.equal((await b.state(page)).composer.draft, "The best thing about mornings is");
  await b.screenshot(page, "composer-autofill-ghost");

  await page.keyboard.press("Tab");
  const accepted = await b.waitFor(page, async () => {
    const s = await b.state(page);
    return s.composer.draft !== "The best thing about mornings is" && s;
  }, "the accepted ghost");
  assert.equal(accepted.composer.draft, "The best thing about mornings is " + done.ghost.replace(/^ /, ""));
  assert.equal(accepted.composer.autofill.ghost, "");

  // Typing goes on normally after accepting, then Esc dismisses a new ghost without losing a
  // character of the draft (ImGui's own Esc would revert the field).
  await page.keyboard.type(" Yes.");
  const draft = (await b.waitFor(page, async () => {
    const s = await b.state(page);
    return s.composer.draft.endsWith(" Yes.") && s;
  }, "typing after the accepted words")).composer.draft;
  assert.equal(draft, accepted.composer.draft + " Yes.");
  await b.click(page, "Autofill", "button");
  await b.waitFor(page, async () => (await autofill(page)).ghost.length > 0, "a second ghost");
  await page.keyboard.press("Escape");
  await b.waitFor(page, async () => { const a = await autofill(page); return a.ghost === "" && !a.streaming; }, "dismissed");
  assert.equal((await b.state(page)).composer.draft, draft);

  await b.click(page, "Post", "button");
  await b.waitFor(page, async () => {
    const s = await b.state(page);
    return s.feed.posts.some((p) => p.text === draft) && s;
  }, "the post with the accepted words");
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test("the persona chat streams a reply, keeps it across a reload, and stays private", async () => {
  const page = await signIn("ada");
  await b.click(page, "Chat", "tab");
  await b.waitForRoute(page, "chat");
  await b.waitFor(page, async () => (await b.state(page)).chat.loaded, "the (empty) history");
  await b.typeInto(page, "Write a message", "What do you think about computers?");
  await page.keyboard.press("Enter");
  const streaming = await b.waitFor(page, async () => {
    const c = (await b.state(page)).chat;
    return (c.streaming || c.messages.length === 2) && c;
  }, "the message on its way");
  if (streaming.streaming) assert.equal(streaming.sending, "What do you think about computers?");
  const chat = await b.waitFor(page, async () => {
    const c = (await b.state(page)).chat;
    return c.messages.length === 2 && !c.streaming && c;
  }, "the reply");
  assert.equal(chat.messages[0].role, "user");
  assert.equal(chat.messages[0].content, "What do you think about computers?");
  assert.equal(chat.messages[1].role, "assistant");
  assert.ok(chat.messages[1].content.length > 0);
  assert.equal(chat.draft, "");
  await b.screenshot(page, "chat-reply");

  await page.reload();
  await b.waitForRoute(page, "chat");
  const reloaded = await b.waitFor(page, async () => { const c = (await b.state(page)).chat; return c.loaded && c; }, "history after reload");
  assert.deepEqual(reloaded.messages.map((m) => m.content), chat.messages.map((m) => m.content));

  // Another account on the same site sees none of it.
  const other = await signIn("grace", "#/chat");
  await b.waitForRoute(other, "chat");
  const theirs = await b.waitFor(other, async () => { const c = (await b.state(other)).chat; return c.loaded && c; }, "grace's history");
  assert.deepEqual(theirs.messages, []);
  await b.screenshot(other, "chat-empty");
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
  await other.context().close();
});
