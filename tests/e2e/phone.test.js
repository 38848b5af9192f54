// A phone (Chromium with touch, isMobile, devicePixelRatio 3, 390x844): a newcomer signs up by
// tapping real fields (which become the page's active element, so a phone opens its keyboard),
// verifies with the mailed code, writes a post in Japanese with an emoji through the IME path
// (CDP composition, an Android-style keyCode 229 key, insertText as an emoji picker sends it),
// swipes through the feed with real touch gestures (next page loads, a swipe never clicks),
// makes a meme by touch (a box dragged with a finger, "Post meme" reached by swiping), and every
// screen is screenshotted at phone size.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");
const {latestCode} = require("./lib/outbox");

const USER = "nina_phone";
const EMAIL = "nina@example.com";
const PASSWORD = "tapping on glass 2026";
const WAIT_MS = 60000;  // SwiftShader at 3x on a busy machine

let server;
let browser;
let page;  // one phone for the whole walk, as one person would use it

before(async () => {
  server = await startServer(["--demo", "--demo-posts", "45", "--demo-image-every", "5"]);
  browser = await b.launch();
  page = await b.openPhone(browser);
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const value = async (label) => ((await b.items(page)).find((i) => i.label === label && i.kind === "input") || {}).value;

// Taps a field: the page's focus must land in a real input (what opens a phone's keyboard).
async function tapField(label, want = {}) {
  await b.tap(page, label, "input");
  const active = await b.waitFor(page, async () => {
    const a = await b.activeElement(page);
    return a && (a.tag === "INPUT" || a.tag === "TEXTAREA") && a;
  }, `a real field focused by tapping "${label}"`);
  for (const [k, v] of Object.entries(want)) assert.equal(active[k], v, `"${label}": ${k}`);
  return active;
}

async function typeInto(label, text, want) {
  await tapField(label, want);
  const before = (await value(label)) || "";
  await page.keyboard.type(text);
  const masked = "*".repeat([...before + text].length);  // the bridge masks passwords
  await b.waitFor(page, async () => [before + text, masked].includes(await value(label)),
                  `"${label}" to hold what was typed`);
}

// Swipes until the item is wholly on screen below the top bar, as a person would look for it.
async function reveal(label, kind) {
  for (let i = 0; i < 20; i++) {
    const it = (await b.items(page)).find((x) => x.label === label && (!kind || x.kind === kind));
    if (it && it.y >= 64 && it.y + it.h <= 844 - 8 && it.h >= 12) return it;
    const down = !it || it.y > 400;
    await b.swipe(page, 195, down ? 640 : 260, down ? -260 : 260);
  }
  throw new Error(`"${label}" never came on screen`);
}

async function shot(name) {
  await b.settle(page, 3);
  await b.screenshot(page, "phone-" + name);
}

test("a newcomer signs up and verifies with the mailed code, by touch", async () => {
  await page.goto(server.url + "/#/login");
  await b.findItem(page, "Sign in", "button");
  await shot("sign-in");
  await b.tap(page, "Sign up", "link");
  await b.waitForRoute(page, "signup");
  await typeInto("Username", USER, {name: "username", autocomplete: "username"});
  await typeInto("Email", EMAIL, {type: "email", autocomplete: "email"});
  await typeInto("Password", PASSWORD, {type: "password", autocomplete: "new-password"});
  await shot("sign-up");
  await b.tap(page, "Create account", "button");
  await b.waitForRoute(page, "verify");
  const code = await b.waitFor(page, async () => latestCode(server.outbox, EMAIL, /verif/i), "the code in the outbox");
  await shot("verify");
  await typeInto("Verification code", code, {inputmode: "numeric", autocomplete: "one-time-code"});
  await b.tap(page, "Verify", "button");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.route === "feed" && s.user === USER && s; }, "signed in on the feed");
  // The form is gone and the keyboard with it: nothing keeps the focus.
  await b.waitFor(page, async () => (await b.activeElement(page)).tag === "BODY", "the sign-up fields gone");
  assert.deepEqual(page.consoleErrors, []);
});

test("a post in Japanese with an emoji, written through the IME path", async () => {
  await tapField("What's on your mind?", {tag: "TEXTAREA"});
  // A composition (the IME's pre-edit shows in the field itself) committed as kanji.
  await page.cdp.send("Input.imeSetComposition", {text: "\u306b\u307b\u3093\u3054", selectionStart: 4, selectionEnd: 4});
  await b.waitFor(page, async () => (await page.evaluate(() => document.activeElement.value)) === "\u306b\u307b\u3093\u3054", "the pre-edit in the field");
  await page.cdp.send("Input.insertText", {text: "\u65e5\u672c\u8a9e"});
  // An Android keyboard: keydown with keyCode 229, then the text arrives as an insertion.
  await page.cdp.send("Input.dispatchKeyEvent", {type: "rawKeyDown", windowsVirtualKeyCode: 229, key: "Unidentified"});
  await page.cdp.send("Input.insertText", {text: "\u306e\u6295\u7a3f "});
  await page.cdp.send("Input.dispatchKeyEvent", {type: "keyUp", windowsVirtualKeyCode: 229, key: "Unidentified"});
  // The emoji picker inserts text too.
  await page.cdp.send("Input.insertText", {text: "\ud83c\udf8c\ud83c\udf89"});
  const want = "\u65e5\u672c\u8a9e\u306e\u6295\u7a3f \ud83c\udf8c\ud83c\udf89";
  await b.waitFor(page, async () => (await value("What's on your mind?")) === want, "exactly the Japanese text and emoji");
  // Autocorrect replaces a word without any key (as a phone keyboard does), then undoes it.
  await page.cdp.send("Input.insertText", {text: " teh"});
  await page.evaluate(() => {
    const el = document.activeElement;
    el.setRangeText("the", el.value.length - 3, el.value.length, "end");
    el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertReplacementText", data: "the"}));
  });
  await b.waitFor(page, async () => (await value("What's on your mind?")) === want + " the", "the autocorrected word");
  await page.evaluate(() => {
    const el = document.activeElement;
    el.setRangeText("", el.value.length - 4, el.value.length, "end");
    el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "deleteContentBackward"}));
  });
  await b.waitFor(page, async () => (await value("What's on your mind?")) === want, "the word removed again");
  await shot("composer-japanese");
  await b.tap(page, "Post", "button");
  const s = await b.waitFor(page, async () => {
    const st = await b.state(page);
    return st.feed.posts.length && st.feed.posts[0].author === USER && st;
  }, "the post at the top of Explore");
  assert.equal(s.feed.posts[0].text, want);
  assert.equal(await value("What's on your mind?"), "", "the composer empties");
});

test("swiping scrolls the feed with momentum, loads the next page and never clicks", async () => {
  await b.waitForRoute(page, "feed");
  const first = await b.state(page);
  const pageSize = first.feed.posts.length;  // one page (20) and the post just written
  assert.ok(pageSize <= 21, `one page loaded at first (${pageSize})`);
  // Start each swipe on a post's time link: a drag must not open the post.
  let s = first;
  let swipes = 0;
  const rows = [];
  while (s.feed.posts.length <= pageSize && swipes < 40) {
    const link = (await b.items(page)).find((i) => i.kind === "link" && /^\d+[smhd]$|ago|now/.test(i.label) && i.y > 300 && i.y < 700);
    const x = link ? link.x + link.w / 2 : 200;
    const y = link ? link.y + link.h / 2 : 600;
    await b.swipe(page, x, y, -420);
    swipes++;
    s = await b.state(page);
    rows.push(s.feed.last_visible_row);
    assert.equal(s.route, "feed", "a swipe that started on a link did not follow it");
  }
  assert.ok(s.feed.posts.length > pageSize, `the next page loaded after ${swipes} swipes (rows ${rows})`);
  assert.ok(rows[rows.length - 1] > rows[0], "the feed moved down");
  // A fling carries on after the finger lifts.
  const before = (await b.state(page)).feed.last_visible_row;
  await b.swipe(page, 200, 700, -300, {speed: 3000});
  await page.waitForTimeout(1200);
  const after = (await b.state(page)).feed.last_visible_row;
  assert.ok(after > before, `momentum: row ${before} -> ${after}`);
  // Swiping the other way goes back up; at the top it stops (no overscroll, nothing clicked).
  const composerTop = async () => {
    const c = (await b.items(page)).find((i) => i.label === "What's on your mind?" && i.kind === "input");
    return c && c.h > 50 ? c.y : null;  // wholly shown
  };
  // A drag that starts on a post's text (the selectable copy over it, raw touch events) scrolls
  // too, and selects nothing.
  const text = await page.evaluate(() => {
    for (const sp of document.querySelectorAll("#skyloom-text span")) {
      const r = sp.getBoundingClientRect();
      if (r.y > 200 && r.y < 500 && getComputedStyle(sp.closest(".skyloom-text-block")).visibility !== "hidden")
        return {x: r.x + 10, y: r.y + r.height / 2};
    }
    return null;
  });
  assert.ok(text, "some post text on screen");
  const rowBefore = (await b.state(page)).feed.last_visible_row;
  await page.cdp.send("Input.dispatchTouchEvent", {type: "touchStart", touchPoints: [text]});
  for (let k = 1; k <= 10; k++) {
    await page.cdp.send("Input.dispatchTouchEvent", {type: "touchMove", touchPoints: [{x: text.x, y: text.y + k * 30}]});
    await b.settle(page, 1);
  }
  await page.cdp.send("Input.dispatchTouchEvent", {type: "touchEnd", touchPoints: []});
  await page.waitForTimeout(500);
  assert.ok((await b.state(page)).feed.last_visible_row < rowBefore, "a drag on post text scrolled up");
  assert.equal(await page.evaluate(() => String(getSelection())), "", "and selected nothing");
  // Synthesized swipes from the page margin (canvas) up to the top.
  for (let i = 0; i < 40 && (await composerTop()) === null; i++) await b.swipe(page, 6, 300, 600, {speed: 4000});
  await b.swipe(page, 6, 300, 600, {speed: 4000});  // one more at the very top: nothing moves
  await page.waitForTimeout(800);
  s = await b.state(page);
  assert.equal(s.route, "feed");
  const top = await composerTop();
  assert.ok(top !== null, "back at the top, the composer in view");
  const tabs = (await b.items(page)).find((i) => i.label === "Explore" && i.kind === "tab");
  assert.ok(tabs && tabs.y > 60, `no overscroll: the tabs sit under the top bar (y ${tabs && tabs.y})`);
  await shot("feed");
});

test("a meme made by touch: template, a box dragged with a finger, caption, Post meme reached by swiping", async () => {
  await b.tap(page, "Meme", "button");
  await b.waitForRoute(page, "meme");
  await b.waitFor(page, async () => (await b.state(page)).meme.templates.length >= 6, "the template gallery");
  await page.waitForTimeout(500);
  await shot("meme-gallery");
  await reveal("Two buttons", "button");
  await b.tap(page, "Two buttons", "button");
  let m = await b.waitFor(page, async () => {
    const x = (await b.state(page)).meme;
    return x.background.ready && x.canvas.w > 0 && x;
  }, "the background", WAIT_MS);
  // A finger on a box drags it (the box claims the drag), it does not scroll the page.
  const box = m.spec.boxes[0];
  const c = m.canvas;
  const cx = c.x + (box.x + box.w / 2) * c.w, cy = c.y + (box.y + box.h / 2) * c.h;
  await page.cdp.send("Input.dispatchTouchEvent", {type: "touchStart", touchPoints: [{x: cx, y: cy}]});
  for (let i = 1; i <= 8; i++) {
    await page.cdp.send("Input.dispatchTouchEvent", {type: "touchMove", touchPoints: [{x: cx, y: cy + 5 * i}]});
    await b.settle(page, 1);
  }
  await page.cdp.send("Input.dispatchTouchEvent", {type: "touchEnd", touchPoints: []});
  m = await b.waitFor(page, async () => {
    const x = (await b.state(page)).meme;
    return x.spec.boxes[0].y > box.y + 20 / c.h && x;
  }, "the box moved by the finger");
  assert.equal(m.selected, 0);
  await reveal("Box text", "input");
  await typeInto("Box text", "when the phone finally types", {tag: "TEXTAREA"});
  await shot("meme-editor");
  // On a phone "Post meme" is below the fold: swipe until it shows, then tap it.
  await reveal("Post meme", "button");
  await shot("meme-editor-bottom");
  await b.tap(page, "Post meme", "button");
  const s = await b.waitFor(page, async () => {
    const st = await b.state(page);
    if (st.meme.post.state === "failed") throw new Error("post failed: " + st.meme.post.error);
    return st.route === "feed" && st.feed.posts.length && st.feed.posts[0].meme && st;
  }, "the meme at the top of Explore", WAIT_MS);
  assert.equal(s.feed.posts[0].author, USER);
  assert.equal(s.feed.posts[0].meme.boxes[0].text, "when the phone finally types");
});

test("every screen fits the phone (screenshots in test-artifacts/phone-*.png)", async () => {
  const visit = async (hash, name, ready) => {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await b.waitFor(page, async () => (await b.state(page)).route === ready, "route " + ready);
    await page.waitForTimeout(400);
    await shot(name);
    // Nothing drawn sticks out of the screen sideways.
    const wide = (await b.items(page)).filter((i) => i.w > 1 && (i.x < -1 || i.x + i.w > 391));
    assert.deepEqual(wide.map((i) => i.label), [], `${name}: items past the edges`);
  };
  await visit("#/me", "me", "me");
  await visit("#/following", "following", "following");
  await visit("#/groups", "groups", "groups");
  await visit("#/u/ada", "portfolio", "u");
  await visit("#/notifications", "notifications", "notifications");
  await visit("#/settings", "settings", "settings");
  await visit("#/chat", "chat", "chat");
  await tapField("Write a message", {tag: "TEXTAREA"});
  await page.keyboard.type("Hello from a phone, a long message that has to wrap inside the box");
  await shot("chat-typing");
  const posts = (await b.state(page)).feed.posts;
  await visit("#/post/" + (posts[0] ? posts[0].id : "1"), "post", "post");
  await b.tap(page, "Sign out", "button");
  await b.waitForRoute(page, "login");
  await visit("#/forgot", "forgot", "forgot");
  await visit("#/reset", "reset", "reset");
  assert.deepEqual(page.consoleErrors, []);
});

test("a 375 px phone (iPhone SE): every screen fits and every control is reachable by touch", async () => {
  const small = await b.openPhone(browser, {width: 375, height: 667, deviceScaleFactor: 2});
  await small.goto(server.url + "/#/login");
  await b.tap(small, "Username or email", "input");
  await small.keyboard.type("ada");
  await b.tap(small, "Password", "input");
  await small.keyboard.type("skyloom-demo-2026");
  await b.tap(small, "Sign in", "button");
  await b.waitFor(small, async () => { const s = await b.state(small); return s.route === "feed" && s.feed.posts.length > 0; }, "the feed");
  const screens = [["#/feed", "feed"], ["#/groups", "groups"], ["#/u/grace", "u"], ["#/notifications", "notifications"],
                   ["#/settings", "settings"], ["#/chat", "chat"], ["#/meme/new", "meme"]];
  for (const [hash, route] of screens) {
    await small.evaluate((h) => { location.hash = h; }, hash);
    await b.waitFor(small, async () => (await b.state(small)).route === route, "route " + route);
    await small.waitForTimeout(400);
    await b.settle(small, 3);
    await b.screenshot(small, "phone375-" + route);
    const items = await b.items(small);
    const outside = items.filter((i) => i.w > 1 && (i.x < -1 || i.x + i.w > 376));
    assert.deepEqual(outside.map((i) => i.label), [], `${route}: items past the 375 px edges`);
    // Buttons and links are big enough for a finger (their drawn box, at least 24 px tall).
    const tiny = items.filter((i) => (i.kind === "button" || i.kind === "tab") && i.h > 0 && i.h < 15 && i.y > 0 && i.y < 650);
    assert.deepEqual(tiny.map((i) => `${i.label} ${i.h}px`), [], `${route}: controls too small to tap`);
  }
  assert.deepEqual(small.consoleErrors, []);
  await small.context().close();
});
