// The whole account and feed journey in real headless Chromium, driven like a person (mouse
// clicks and keyboard typing at coordinates from window.skyloom.items()), against the real
// server with the outbox mailer: sign up -> code from the outbox -> verify (wrong code, then a
// pasted one) -> post -> Explore and Me -> reload stays signed in -> back -> sign out -> sign in.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");
const {latestCode} = require("./lib/outbox");

const USER = "ada_e2e";
const EMAIL = "ada.e2e@example.com";
const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "another fine staple";
const POST_TEXT = "Hello from the e2e test: a post long enough to wrap inside the card on a phone.";

let server;
let browser;
let page;  // one person's tab, shared by the steps below (they run in order)

before(async () => {
  server = await startServer();
  browser = await b.launch();
  const context = await browser.newContext({viewport: {width: 1280, height: 800}});
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {origin: server.url});
  page = await context.newPage();
  page.consoleErrors = [];
  page.on("pageerror", (err) => page.consoleErrors.push(String(err)));
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const waitState = (what, pred) => b.waitFor(page, async () => { const s = await b.state(page); return s && pred(s) && s; }, what);
const hasToast = (s, re, kind) => s.toasts.some((t) => re.test(t.text) && (!kind || t.kind === kind));

async function waitForCode(subject) {
  return b.waitFor(page, async () => latestCode(server.outbox, EMAIL, subject), "a code in the outbox");
}

// Pastes through the browser: the OS clipboard and a real Ctrl+V when headless Chromium
// supports it, else a paste event carrying the text (what the browser dispatches on Ctrl+V).
async function paste(text) {
  let viaClipboard = false;
  try {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    viaClipboard = true;
  } catch (_) { /* no clipboard access in this browser build */ }
  if (viaClipboard) {
    await page.keyboard.press("Control+V");
    await page.waitForTimeout(150);
  }
  const s = await b.state(page);
  if (s.verify.code === text || s.route !== "verify") return "clipboard + Ctrl+V";
  {
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData("text/plain", t);
      document.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true}));
    }, text);
  }
  return "paste event";
}

test("sign up shows the live password checklist and refuses a weak password in place", async () => {
  await page.goto(server.url + "/#/login");
  await b.click(page, "Sign up", "link");
  await b.waitForRoute(page, "signup");
  assert.equal(await page.title(), "Sign up \u00b7 Skyloom");
  await b.typeInto(page, "Username", USER);
  await b.typeInto(page, "Email", EMAIL);
  await b.typeInto(page, "Password", "correct");
  await b.screenshot(page, "signup-checklist");
  await b.click(page, "Create account", "button");
  await waitState("password rule error", (s) => hasToast(s, /rule/i, "error"));
  await b.click(page, "Password", "input");
  await page.keyboard.press("End");
  await page.keyboard.type(" horse battery", {delay: 5});
  await b.click(page, "Create account", "button");
  await waitState("the verify screen", (s) => s.route === "verify");
  await b.screenshot(page, "verify");
});

test("a wrong code shows the server's message; a pasted code verifies and signs in", async (t) => {
  const code = await waitForCode(/verification/i);
  const wrong = code === "000000" ? "111111" : "000000";
  await b.typeInto(page, "Verification code", wrong);
  await b.click(page, "Verify", "button");
  const s = await waitState("the wrong-code error", (st) => st.busy === 0 && hasToast(st, /not right/i, "error"));
  assert.equal(s.route, "verify");
  const texts = (await b.items(page)).map((i) => i.label);
  assert.ok(!texts.includes("Resend code"), "resend is counting down, not clickable");
  await b.screenshot(page, "verify-wrong-code");

  // Paste anywhere: click the page background first so no field has focus.
  await page.mouse.click(40, 400);
  t.diagnostic("pasted via " + await paste(code));
  await waitState("the feed after verify", (st) => st.route === "feed" && st.user === USER);
  assert.match(page.url(), /#\/feed$/);
});

test("a new post appears at the top of Explore and Me without a reload", async () => {
  await waitState("the empty feed", (s) => s.feed.tab === "explore" && !s.feed.loading);
  await b.screenshot(page, "feed-empty");
  await b.typeInto(page, "What's on your mind?", POST_TEXT);
  await b.waitFor(page, async () => (await b.items(page)).find((i) => i.label === "What's on your mind?" && i.value === POST_TEXT), "the draft");
  await b.click(page, "Post", "button");
  const s = await waitState("the post in Explore", (st) => st.feed.posts.length === 1);
  assert.equal(s.feed.posts[0].text, POST_TEXT);
  assert.equal(s.feed.posts[0].author, USER);
  assert.equal(s.composer.draft, "");
  await b.screenshot(page, "feed-explore");

  await b.click(page, "Me", "tab");
  const me = await waitState("the Me tab", (st) => st.route === "me" && st.feed.tab === "me" && st.feed.posts.length === 1);
  assert.equal(me.feed.posts[0].text, POST_TEXT);
  assert.equal(await page.title(), "My posts \u00b7 Skyloom");
  await b.screenshot(page, "feed-me");
});

test("reload stays signed in on the same screen; back returns to the previous screen", async () => {
  await page.reload();
  const s = await waitState("the restored session", (st) => st.user === USER && st.route === "me" && st.feed.posts.length === 1);
  assert.equal(s.feed.posts[0].text, POST_TEXT);
  await b.click(page, "Explore", "tab");
  await b.waitForRoute(page, "feed");
  await page.goBack();
  await waitState("back on Me", (st) => st.route === "me");
  await page.goForward();
  await waitState("forward on Explore", (st) => st.route === "feed");
});

test("one post opens at #/post/ID; delete asks first", async () => {
  const s = await waitState("posts", (st) => st.feed.posts.length === 1);
  const id = s.feed.posts[0].id;
  await b.click(page, "just now", "link");
  await b.waitForRoute(page, "post");
  assert.match(page.url(), new RegExp(`#/post/${id}$`));
  await b.findItem(page, "Delete", "link");
  await b.screenshot(page, "post");
  await b.click(page, "Delete", "link");
  await b.findItem(page, "Delete post", "button");
  await b.screenshot(page, "post-delete-confirm");
  await b.click(page, "Cancel", "button");
  await b.waitFor(page, async () => !(await b.items(page)).some((i) => i.label === "Delete post"), "the dialog closed");
  await b.click(page, "\u2039 Back to the feed", "link");
  await b.waitForRoute(page, "feed");
});

test("sign out revokes the session; a wrong password shows the error; sign in again", async () => {
  await b.click(page, "Sign out", "button");
  await waitState("signed out", (s) => s.route === "login" && s.user === null);
  assert.equal(await page.evaluate(() => localStorage.getItem("skyloom.refresh_token")), null);
  await page.reload();
  await waitState("still signed out after reload", (s) => s.route === "login" && s.user === null);

  await b.typeInto(page, "Username or email", USER);
  await b.typeInto(page, "Password", "not my password");
  await b.click(page, "Sign in", "button");
  await waitState("the refusal", (s) => s.busy === 0 && s.toasts.some((t) => t.kind === "error"));
  await b.screenshot(page, "sign-in-wrong-password");

  await b.click(page, "Password", "input");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(PASSWORD, {delay: 5});
  await b.click(page, "Sign in", "button");
  const s = await waitState("the feed", (st) => st.route === "feed" && st.user === USER && st.feed.posts.length === 1);
  assert.equal(s.feed.posts[0].text, POST_TEXT);
});

test("delete removes the post from Explore and Me", async () => {
  await b.click(page, "Delete", "link");
  await b.click(page, "Delete post", "button");
  const s = await waitState("the post gone", (st) => st.feed.posts.length === 0 && hasToast(st, /deleted/i));
  assert.equal(s.route, "feed");
  await b.click(page, "Me", "tab");
  await waitState("Me empty", (st) => st.route === "me" && !st.feed.loading && st.feed.posts.length === 0);
  await b.screenshot(page, "feed-me-empty");
});

test("forgot -> reset with the mailed code -> signed in with the new password", async () => {
  await b.click(page, "Sign out", "button");
  await waitState("signed out", (s) => s.route === "login");
  await b.click(page, "Forgot password?", "link");
  await b.waitForRoute(page, "forgot");
  await b.typeInto(page, "Email", EMAIL);
  await b.screenshot(page, "forgot");
  await b.click(page, "Send code", "button");
  await b.waitForRoute(page, "reset");
  const code = await waitForCode(/reset/i);
  await b.typeInto(page, "Reset code", code);
  await b.typeInto(page, "New password", NEW_PASSWORD);
  await b.screenshot(page, "reset");
  await b.click(page, "Set new password", "button");
  await waitState("signed in after reset", (s) => s.route === "feed" && s.user === USER);
  assert.deepEqual(page.consoleErrors, []);
});

test("signing up with a taken username shows the server's message under the field", async () => {
  const other = await b.openPage(browser);
  await other.goto(server.url + "/#/signup");
  await b.waitForRoute(other, "signup");
  await b.typeInto(other, "Username", USER);
  await b.typeInto(other, "Email", "someone.else@example.com");
  await b.typeInto(other, "Password", "a perfectly fine password");
  await b.click(other, "Create account", "button");
  const s = await b.waitFor(other, async () => { const st = await b.state(other); return st.busy === 0 && hasToast(st, /taken/i, "error") && st; }, "username_taken");
  assert.equal(s.route, "signup");
  await b.screenshot(other, "signup-username-taken");
  await other.context().close();
});
