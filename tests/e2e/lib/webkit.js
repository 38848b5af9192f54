// WebKitGTK's MiniBrowser (Safari's engine; Debian `webkit2gtk-driver`) driven by npm
// selenium-webdriver through WebKitWebDriver, as the engine-neutral page that person.js acts
// on. MiniBrowser has no headless mode: it draws on the given X display (WebGL 2 on llvmpipe).
//   const page = await launchWebKit({display: x.display});  ...  await page.close();
// Driver quirks met here are listed in docs/testing.md ("Every engine").
"use strict";
const {spawn} = require("child_process");
const fs = require("fs");
const net = require("net");
const {Builder, Key, Origin} = require("selenium-webdriver");

const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const DRIVER_START_MS = 10000;
const CHOOSER_MS = 15000;

const KEYS = {Enter: Key.ENTER, PageDown: Key.PAGE_DOWN, PageUp: Key.PAGE_UP, ArrowDown: Key.ARROW_DOWN,
              ArrowUp: Key.ARROW_UP, End: Key.END, Home: Key.HOME, Escape: Key.ESCAPE, Tab: Key.TAB,
              Backspace: Key.BACK_SPACE, Space: Key.SPACE};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => { const {port} = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitForDriver(url, child, log) {
  const t0 = Date.now();
  while (Date.now() - t0 < DRIVER_START_MS) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(url + "/status")).ok) return;
    } catch (_) { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  throw new Error("WebKitWebDriver did not start:\n" + log.join(""));
}

async function launchWebKit({display, width = 1280, height = 800}) {
  const port = await freePort();
  const child = spawn("WebKitWebDriver", [`--port=${port}`, "--host=127.0.0.1"],
                      {stdio: ["ignore", "pipe", "pipe"], env: {...process.env, DISPLAY: display}});
  const log = [];
  child.stdout.on("data", (d) => log.push(String(d)));
  child.stderr.on("data", (d) => log.push(String(d)));
  // A run that dies must not leave the driver (and its MiniBrowser) behind.
  const reap = () => { if (child.exitCode === null) child.kill("SIGKILL"); };
  process.once("exit", reap);
  const server = `http://127.0.0.1:${port}`;
  let driver;
  try {
    await waitForDriver(server, child, log);
    driver = await new Builder().usingServer(server).withCapabilities({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {binary: MINIBROWSER, args: ["--automation"]},
    }).build();
    // The window rect includes MiniBrowser's own chrome: grow it until the page gets width x height.
    await driver.manage().window().setRect({x: 0, y: 0, width, height});
    const [iw, ih] = await driver.executeScript("return [innerWidth, innerHeight]");
    await driver.manage().window().setRect({x: 0, y: 0, width: width + (width - iw), height: height + (height - ih)});
  } catch (err) {
    if (driver) await driver.quit().catch(() => {});
    child.kill("SIGKILL");
    throw err;
  }

  const actions = () => driver.actions({async: true});
  const at = (x, y) => ({x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT});
  // WebKitWebDriver treats a wheel action's deltaY as the wheel's new position and dispatches
  // the difference from the previous wheel action: two actions of +100 give one event of +100
  // and then nothing. Sending the running total gives one event of dy per call.
  let wheelTotal = 0;
  return {
    name: "webkit",
    errors: null,  // WebKitWebDriver has no log endpoint and no script-before-load hook
    goto: (url) => driver.get(url),
    url: () => driver.getCurrentUrl(),
    // selenium runs a function as `return (fn).apply(null, arguments)`, so it behaves as elsewhere.
    evaluate: (fn, arg) => driver.executeScript(fn, arg),
    move: (x, y) => actions().move(at(x, y)).perform(),
    down: () => actions().press().perform(),
    up: () => actions().release().perform(),
    wheel: async (x, y, dy) => {
      wheelTotal += Math.round(dy);
      const {x: rx, y: ry} = at(x, y);
      await actions().scroll(rx, ry, 0, wheelTotal, Origin.VIEWPORT).perform();
    },
    type: (text) => actions().sendKeys(text).perform(),
    press: (key) => actions().sendKeys(KEYS[key] || key).perform(),
    // WebDriver classic has no chooser event: watch for the page's click on an <input
    // type=file> (what opens a chooser; WebKit's automation session dismisses the dialog), then
    // give that input the file by Send Keys, which WebKitWebDriver allows on a hidden input.
    chooseFile: async (open, file) => {
      await driver.executeScript(() => {
        window.__skyloomChooser = null;
        const seen = (e) => {
          if (!(e.target instanceof HTMLInputElement && e.target.type === "file")) return;
          window.__skyloomChooser = e.target;
          document.removeEventListener("click", seen, true);
        };
        document.addEventListener("click", seen, true);
      });
      await open();
      const input = await driver.wait(() => driver.executeScript(() => window.__skyloomChooser), CHOOSER_MS,
                                      "the page did not open a file chooser");
      await input.sendKeys(file);
    },
    screenshot: async (file) => fs.writeFileSync(file, await driver.takeScreenshot(), "base64"),
    close: async () => {
      try { await driver.quit(); } finally {
        process.removeListener("exit", reap);
        await new Promise((resolve) => {
          if (child.exitCode !== null) { resolve(); return; }
          child.once("exit", resolve);
          child.kill("SIGTERM");
        });
      }
    },
  };
}

module.exports = {launchWebKit};
