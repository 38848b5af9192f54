// A private X server (Debian `xvfb`) for the headful browsers: headless Firefox has no WebGL
// here and WebKitGTK's MiniBrowser has no headless mode, so both draw into Xvfb (Mesa
// llvmpipe). Picks a free display number, waits for its socket, and is killed on stop().
//   const x = await startXvfb();  ...  env: {...process.env, DISPLAY: x.display}  ...  await x.stop();
"use strict";
const {spawn} = require("child_process");
const fs = require("fs");

const FIRST_DISPLAY = 90;  // far from a desktop's :0 and xvfb-run's default :99
const LAST_DISPLAY = 140;
const START_TIMEOUT_MS = 10000;
const SCREEN = "1400x1000x24";  // room for a 1280x800 viewport plus the browsers' own chrome

const taken = (n) => fs.existsSync(`/tmp/.X${n}-lock`) || fs.existsSync(`/tmp/.X11-unix/X${n}`);

async function startXvfb() {
  for (let n = FIRST_DISPLAY; n <= LAST_DISPLAY; n++) {
    if (taken(n)) continue;
    const child = spawn("Xvfb", [`:${n}`, "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
                        {stdio: ["ignore", "ignore", "pipe"]});
    const log = [];
    child.stderr.on("data", (d) => log.push(String(d)));
    let exited = false;
    child.once("exit", () => { exited = true; });
    const t0 = Date.now();
    // Another Xvfb may win the race for the same number: then it exits and we try the next.
    while (!exited && !fs.existsSync(`/tmp/.X11-unix/X${n}`) && Date.now() - t0 < START_TIMEOUT_MS)
      await new Promise((r) => setTimeout(r, 50));
    if (exited) continue;
    if (!fs.existsSync(`/tmp/.X11-unix/X${n}`)) {
      child.kill("SIGKILL");
      throw new Error("Xvfb did not start:\n" + log.join(""));
    }
    // A run that dies (an assertion outside the tests, Ctrl+C) must not leave the X server up.
    const reap = () => { if (!exited) child.kill("SIGKILL"); };
    process.once("exit", reap);
    return {
      display: `:${n}`,
      stop: () => new Promise((resolve) => {
        process.removeListener("exit", reap);
        if (exited) { resolve(); return; }
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
    };
  }
  throw new Error(`no free X display in :${FIRST_DISPLAY}..:${LAST_DISPLAY}`);
}

module.exports = {startXvfb};
