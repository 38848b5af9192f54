// Starts what the e2e tests talk to: the real skyloom-server on a free port with a throwaway
// data directory (first stdout line: "listening on http://HOST:PORT"), or, until the server is
// built, the static fallback in static_server.js.
"use strict";
const {spawn} = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const readline = require("readline");
const {startStaticServer} = require("./static_server");

const ROOT = path.resolve(__dirname, "../../..");
const SERVER_BIN = process.env.SKYLOOM_SERVER || path.join(ROOT, "build/native/bin/skyloom-server");
const SITE = path.join(ROOT, "web/dist");
const START_TIMEOUT_MS = 15000;

// extraArgs: more server flags, e.g. ["--demo", "--demo-posts", "1000"]. {site: null}: the API
// alone, for a test that hosts the site elsewhere (deploy_s3.test.js puts it in a bucket).
async function startServer(extraArgs = [], {site = SITE} = {}) {
  if (!fs.existsSync(path.join(SITE, "index.html")))
    throw new Error(`${SITE}/index.html missing: run 'make dist' first`);
  if (!fs.existsSync(SERVER_BIN)) {
    if (!site) throw new Error(`${SERVER_BIN} missing: build the server first`);
    return startStaticServer(SITE);
  }

  const data = fs.mkdtempSync(path.join(os.tmpdir(), "skyloom-e2e-"));
  const child = spawn(SERVER_BIN, ["--port", "0", "--data", data, ...(site ? ["--site", site] : []), "--mailer", "outbox", ...extraArgs],
                      {stdio: ["ignore", "pipe", "pipe"]});
  const log = [];
  child.stderr.on("data", (d) => log.push(String(d)));
  const lines = readline.createInterface({input: child.stdout});
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start:\n" + log.join(""))), START_TIMEOUT_MS);
    lines.once("line", (line) => {
      clearTimeout(timer);
      const m = /^listening on (http:\/\/\S+)/.exec(line);
      m ? resolve(m[1]) : reject(new Error("unexpected first line: " + line));
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}):\n` + log.join(""))));
  });
  lines.on("line", (line) => log.push(line + "\n"));
  return {
    url, kind: "server", data, log,
    outbox: path.join(data, "outbox"),
    stop: () => new Promise((resolve) => {
      child.once("exit", () => { fs.rmSync(data, {recursive: true, force: true}); resolve(); });
      child.kill("SIGTERM");
    }),
  };
}

module.exports = {startServer, ROOT};
