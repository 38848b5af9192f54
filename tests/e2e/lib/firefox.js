// Debian Firefox ESR driven by npm puppeteer-core over WebDriver BiDi, as the engine-neutral page
// that person.js acts on. Headful on the given X display: headless Firefox has no WebGL here,
// and with `webgl.force-enabled` the headful one runs WebGL 2 on Mesa llvmpipe (DESIGN.md).
//   const page = await launchFirefox({display: x.display});  ...  await page.close();
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const puppeteer = require("puppeteer-core");

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";

async function launchFirefox({display, width = 1280, height = 800}) {
  // A throwaway profile, so nothing of a person's Firefox (or an earlier run) leaks in.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "skyloom-firefox-"));
  const browser = await puppeteer.launch({
    browser: "firefox", executablePath: FIREFOX, headless: false, userDataDir: profile,
    env: {...process.env, DISPLAY: display},
    defaultViewport: {width, height, deviceScaleFactor: 1},
    extraPrefsFirefox: {"webgl.force-enabled": true},
  });
  const page = (await browser.pages())[0] || await browser.newPage();
  // defaultViewport reaches only pages opened later, not the window's first tab: set it here.
  await page.setViewport({width, height, deviceScaleFactor: 1});
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
  return {
    name: "firefox",
    errors,
    goto: (url) => page.goto(url, {waitUntil: "load"}),
    url: async () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    move: (x, y) => page.mouse.move(x, y),
    down: () => page.mouse.down(),
    up: () => page.mouse.up(),
    wheel: async (x, y, dy) => { await page.mouse.move(x, y); await page.mouse.wheel({deltaY: dy}); },
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    // BiDi reports the chooser that the page opened (input.fileDialogOpened) and fills it.
    chooseFile: async (open, file) => {
      const [chooser] = await Promise.all([page.waitForFileChooser({timeout: 15000}), open()]);
      await chooser.accept([file]);
    },
    screenshot: (file) => page.screenshot({path: file}),
    close: async () => {
      try { await browser.close(); } finally { fs.rmSync(profile, {recursive: true, force: true}); }
    },
  };
}

module.exports = {launchFirefox};
