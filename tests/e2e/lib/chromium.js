// Debian Chromium through playwright-core (browser.js's launch and flags), as the engine-neutral
// page that person.js acts on, so the cross-engine smoke runs the same steps in all three.
// Headless: Chromium has WebGL 2 there through SwiftShader and needs no X display.
//   const page = await launchChromium({});  ...  await page.close();
"use strict";
const {launch} = require("./browser");

async function launchChromium({width = 1280, height = 800}) {
  const browser = await launch();
  const context = await browser.newContext({viewport: {width, height}, deviceScaleFactor: 1});
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(`${msg.text()} (${msg.location().url})`); });
  return {
    name: "chromium",
    errors,
    goto: (url) => page.goto(url, {waitUntil: "load"}),
    url: async () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    move: (x, y) => page.mouse.move(x, y),
    down: () => page.mouse.down(),
    up: () => page.mouse.up(),
    wheel: async (x, y, dy) => { await page.mouse.move(x, y); await page.mouse.wheel(0, dy); },
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    chooseFile: async (open, file) => {
      const [chooser] = await Promise.all([page.waitForEvent("filechooser", {timeout: 15000}), open()]);
      await chooser.setFiles(file);
    },
    screenshot: (file) => page.screenshot({path: file}),
    close: () => browser.close(),
  };
}

module.exports = {launchChromium};
