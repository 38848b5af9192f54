// Headless Debian Chromium through playwright-core (`npx playwright install` cannot work here),
// with the flags from DESIGN.md, plus helpers that act like a person: find an item through
// window.skyloom.items(), click its centre with the mouse, type with the keyboard.
"use strict";
const fs = require("fs");
const path = require("path");
const {chromium} = require("playwright-core");
const {ROOT} = require("./server");

const CHROMIUM_ARGS = [
  "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
];
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const WAIT_MS = 10000;

// args: more Chromium flags, e.g. ["--disable-3d-apis"] for a browser without WebGL.
function launch({args = []} = {}) {
  return chromium.launch({executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: [...CHROMIUM_ARGS, ...args]});
}

// Records console errors, page errors and Content-Security-Policy violations (reported as
// errors, whichever way the browser logs them) so tests can assert there are none.
async function recordErrors(context, page) {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error("CSP violation: " + e.effectiveDirective + " blocked " + (e.blockedURI || "inline") +
                    " at " + e.sourceFile + ":" + e.lineNumber);
    });
  });
  page.consoleErrors = [];
  page.on("console", (msg) => { if (msg.type() === "error") page.consoleErrors.push(msg.text()); });
  page.on("pageerror", (err) => page.consoleErrors.push(String(err)));
}

// Opens a page that records its errors (recordErrors).
async function openPage(browser, {width = 1280, height = 800, deviceScaleFactor = 1} = {}) {
  const context = await browser.newContext({viewport: {width, height}, deviceScaleFactor});
  const page = await context.newPage();
  await recordErrors(context, page);
  return page;
}

// A phone: touch events, mobile viewport rules, devicePixelRatio 3 (an iPhone 14's 390x844).
async function openPhone(browser, {width = 390, height = 844, deviceScaleFactor = 3} = {}) {
  const context = await browser.newContext({viewport: {width, height}, deviceScaleFactor,
                                            isMobile: true, hasTouch: true});
  const page = await context.newPage();
  await recordErrors(context, page);
  page.cdp = await context.newCDPSession(page);
  return page;
}

// Taps an item's centre with a finger (touchstart/touchend through CDP, as a phone sends them).
async function tap(page, label, kind) {
  let item = await findItem(page, label, kind);
  for (let i = 0; i < 20; i++) {  // let its position settle, as click() does
    await settle(page, 1);
    const again = await findItem(page, label, kind);
    const same = again.x === item.x && again.y === item.y;
    item = again;
    if (same) break;
  }
  await page.touchscreen.tap(item.x + item.w / 2, item.y + item.h / 2);
  return item;
}

// A real touch swipe (CDP Input.synthesizeScrollGesture, touch source): `dy` < 0 moves the
// finger up, which scrolls the content down.
async function swipe(page, x, y, dy, {speed = 1600} = {}) {
  await page.cdp.send("Input.synthesizeScrollGesture",
                      {x, y, yDistance: dy, gestureSourceType: "touch", speed, repeatCount: 1});
}

const activeElement = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a ? {tag: a.tagName, name: a.name || "", type: a.type || "", inputmode: a.getAttribute("inputmode") || "",
              autocomplete: a.getAttribute("autocomplete") || ""} : null;
});

async function waitFor(page, predicate, what, timeout = WAIT_MS) {
  const start = Date.now();
  let lastError = null;
  for (;;) {
    // A predicate that throws (the page has not installed window.skyloom yet, so state() is
    // null) is "not yet"; its last error is reported if the wait times out.
    let value = null;
    try {
      value = await predicate();
      lastError = null;
    } catch (err) {
      lastError = err;
    }
    if (value) return value;
    if (Date.now() - start > timeout) {
      // Leave evidence: what the screen and the app state looked like when it gave up.
      const name = "timeout-" + what.replace(/[^a-z0-9]+/gi, "-").slice(0, 40);
      let detail = "";
      try {
        await screenshot(page, name);
        detail = "\nstate: " + JSON.stringify(await state(page));
      } catch (_) { /* the page may be gone */ }
      if (lastError) detail += "\nlast error: " + (lastError.stack || lastError);
      throw new Error("timed out waiting for " + what + " (screenshot " + name + ".png)" + detail);
    }
    await page.waitForTimeout(50);
  }
}

const items = (page) => page.evaluate(() => (window.skyloom && window.skyloom.items) ? window.skyloom.items() : []);
const state = (page) => page.evaluate(() => (window.skyloom && window.skyloom.state) ? window.skyloom.state() : null);

async function findItem(page, label, kind) {
  return waitFor(page, async () => (await items(page)).find(
    (i) => i.label === label && (!kind || i.kind === kind) && i.enabled), `item "${label}"${kind ? " (" + kind + ")" : ""}`);
}

const frames = (page) => page.evaluate(() => (window.skyloom && window.skyloom.frames) || 0);

// Waits until the app has rendered `n` more frames (or is idle: no frame for a while).
async function settle(page, n = 2) {
  const start = await frames(page);
  const t0 = Date.now();
  while ((await frames(page)) < start + n && Date.now() - t0 < 1000) await page.waitForTimeout(16);
}

// Clicks like a person: finds the item, lets a frame pass so its position is final (a card can
// settle its centring a frame after it appears), moves there, lets the hover register, then
// presses and releases with a short hold. Under SwiftShader a frame can take ~100 ms, so each
// step waits for frames rather than for fixed times.
async function click(page, label, kind) {
  let item = await findItem(page, label, kind);
  for (let i = 0; i < 20; i++) {
    await settle(page, 1);
    const again = await findItem(page, label, kind);
    const same = again.x === item.x && again.y === item.y;
    item = again;
    if (same) break;
  }
  const x = item.x + item.w / 2;
  const y = item.y + item.h / 2;
  await page.mouse.move(x, y);
  await settle(page, 1);
  await page.mouse.down();
  await settle(page, 1);
  await page.mouse.up();
  return item;
}

// Types like a person, then waits until the app has taken every character: under SwiftShader
// the page renders ~10-15 frames a second and ImGui takes about one character per frame.
async function typeInto(page, label, text) {
  const before = await click(page, label, "input");
  await page.keyboard.type(text, {delay: 5});
  const want = (before.value || "").length + [...text].length;
  await waitFor(page, async () => (await items(page)).find(
    (i) => i.label === label && i.kind === "input" && [...(i.value || "")].length >= want),
    `"${label}" to hold what was typed`, WAIT_MS + 250 * text.length);
}

async function waitForRoute(page, route) {
  return waitFor(page, async () => { const s = await state(page); return s && s.route === route && s; }, "route " + route);
}

async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, {recursive: true});
  const file = path.join(ARTIFACTS, name + ".png");
  await page.screenshot({path: file});
  return file;
}

module.exports = {launch, openPage, openPhone, tap, swipe, activeElement, frames, waitFor, items, state, findItem, click, settle, typeInto, waitForRoute, screenshot, ARTIFACTS};
