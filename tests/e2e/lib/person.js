// Acts like a person on the app, in any browser engine: finds an item through
// window.skyloom.items() (the automation bridge), moves the mouse to its centre, presses and
// releases, types with the keyboard. The same steps as browser.js, written against the small
// engine-neutral page that firefox.js, webkit.js and chromium.js return:
//   page.name                      "firefox", "webkit" or "chromium"
//   page.goto(url), page.url()     navigate (waits for load); the current URL
//   page.evaluate(fn, arg)         runs fn(arg) in the page; its JSON-able result
//   page.move(x, y), down(), up()  the mouse, in CSS pixels of the viewport
//   page.wheel(x, y, dy)           one wheel event of dy pixels over (x, y)
//   page.type(text), press(key)    the keyboard; key names as Playwright's ("Enter", "PageDown")
//   page.chooseFile(open, file)    runs open() (a click that opens the file chooser), picks file
//   page.screenshot(file), close()
//   page.errors                    page errors seen so far, or null where the driver cannot tell
"use strict";
const fs = require("fs");
const path = require("path");
const {ROOT} = require("./server");

const ARTIFACTS = path.join(ROOT, "test-artifacts");
const WAIT_MS = 20000;  // llvmpipe under Xvfb on 2 busy cores: a frame can take 100+ ms
const POLL_MS = 50;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, {recursive: true});
  const file = path.join(ARTIFACTS, `engines-${page.name}-${name}.png`);
  await page.screenshot(file);
  return file;
}

// A look at the page that may land mid-navigation (a followed link, a reload): each driver then
// throws its own "context destroyed" / "no such frame" error; the poll just looks again.
async function look(page, fn, otherwise) {
  try {
    return await page.evaluate(fn);
  } catch (err) {
    page.lastLookError = err;
    return otherwise;
  }
}

const items = (page) => look(page, () => (window.skyloom && window.skyloom.items) ? window.skyloom.items() : [], []);
const state = (page) => look(page, () => (window.skyloom && window.skyloom.state) ? window.skyloom.state() : null, null);
const frames = (page) => look(page, () => (window.skyloom && window.skyloom.frames) || 0, 0);

async function waitFor(page, predicate, what, timeout = WAIT_MS) {
  const start = Date.now();
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() - start > timeout) {
      // Leave evidence: what the screen and the app state looked like when it gave up.
      const name = "timeout-" + what.replace(/[^a-z0-9]+/gi, "-").slice(0, 40);
      let detail = "";
      try {
        await screenshot(page, name);
        const s = await state(page);
        detail = "\nstate: " + JSON.stringify(s && {route: s.route, location_param: s.location_param, user: s.user,
                                                       busy: s.busy, toasts: s.toasts, feed_tab: s.feed.tab,
                                                       posts: s.feed.posts.length, composer_image: s.composer.image.phase});
        if (page.lastLookError) detail += "\nlast error looking at the page: " + page.lastLookError.message;
      } catch (_) { /* the page may be gone */ }
      throw new Error(`${page.name}: timed out waiting for ${what} (screenshot engines-${page.name}-${name}.png)${detail}`);
    }
    await sleep(POLL_MS);
  }
}

const waitState = (page, what, predicate, timeout) =>
  waitFor(page, async () => { const s = await state(page); return s && predicate(s) && s; }, what, timeout);

async function findItem(page, label, kind) {
  return waitFor(page, async () => (await items(page)).find(
    (i) => i.label === label && (!kind || i.kind === kind) && i.enabled), `item "${label}"${kind ? " (" + kind + ")" : ""}`);
}

// Waits until the app has rendered `n` more frames, or is idle (no frame for a second).
async function settle(page, n = 2) {
  const start = await frames(page);
  const t0 = Date.now();
  while ((await frames(page)) < start + n && Date.now() - t0 < 1000) await sleep(16);
}

// Clicks like a person: lets the item's position settle (a card can centre itself a frame after
// it appears), moves there, lets the hover register, then presses and releases a frame apart.
async function click(page, label, kind) {
  let item = await findItem(page, label, kind);
  for (let i = 0; i < 20; i++) {
    await settle(page, 1);
    const again = await findItem(page, label, kind);
    const same = again.x === item.x && again.y === item.y;
    item = again;
    if (same) break;
  }
  await page.move(item.x + item.w / 2, item.y + item.h / 2);
  await settle(page, 1);
  await page.down();
  await settle(page, 1);
  await page.up();
  return item;
}

// Clicks a field, types, and waits until the app holds every character.
async function typeInto(page, label, text) {
  const before = await click(page, label, "input");
  await page.type(text);
  const want = [...(before.value || "")].length + [...text].length;
  await waitFor(page, async () => (await items(page)).find(
    (i) => i.label === label && i.kind === "input" && [...(i.value || "")].length >= want),
    `"${label}" to hold what was typed`, WAIT_MS + 250 * text.length);
}

const waitForRoute = (page, route, timeout) => waitState(page, "route " + route, (s) => s.route === route, timeout);

module.exports = {ARTIFACTS, WAIT_MS, sleep, screenshot, items, state, frames, waitFor, waitState, findItem,
                  settle, click, typeInto, waitForRoute};
