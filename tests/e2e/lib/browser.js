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

function launch() {
  return chromium.launch({executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS});
}

// Opens a page and records console errors and page errors so tests can assert there are none.
async function openPage(browser, {width = 1280, height = 800, deviceScaleFactor = 1} = {}) {
  const context = await browser.newContext({viewport: {width, height}, deviceScaleFactor});
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on("console", (msg) => { if (msg.type() === "error") page.consoleErrors.push(msg.text()); });
  page.on("pageerror", (err) => page.consoleErrors.push(String(err)));
  return page;
}

async function waitFor(page, predicate, what, timeout = WAIT_MS) {
  const start = Date.now();
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error("timed out waiting for " + what);
    await page.waitForTimeout(50);
  }
}

const items = (page) => page.evaluate(() => (window.skyloom && window.skyloom.items) ? window.skyloom.items() : []);
const state = (page) => page.evaluate(() => (window.skyloom && window.skyloom.state) ? window.skyloom.state() : null);

async function findItem(page, label, kind) {
  return waitFor(page, async () => (await items(page)).find(
    (i) => i.label === label && (!kind || i.kind === kind) && i.enabled), `item "${label}"${kind ? " (" + kind + ")" : ""}`);
}

// Clicks an item once its position is stable across two reads (a card can settle its
// centring a frame after it first appears).
async function click(page, label, kind) {
  let item = await findItem(page, label, kind);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(30);
    const again = await findItem(page, label, kind);
    const same = again.x === item.x && again.y === item.y;
    item = again;
    if (same) break;
  }
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  return item;
}

async function typeInto(page, label, text) {
  await click(page, label, "input");
  await page.keyboard.type(text, {delay: 5});
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

module.exports = {launch, openPage, waitFor, items, state, findItem, click, typeInto, waitForRoute, screenshot, ARTIFACTS};
