// The static deploy of issue 12 item 3, end to end: scripts/deploy-s3 puts web/dist into a
// bucket of a local S3-compatible server (npm s3rver), the API runs on another origin with
// --cors-origin for the bucket's, and Chromium loads the site from the bucket as a person
// would: Explore with its pictures, sign up with the mailed code, a post, an image post, a
// reload that keeps the session, sign out and in. Nothing may fail on the way: no request >= 400, no failed
// request, no console error, no CSP violation (the policy is the <meta> tag deploy-s3 adds,
// since a bucket sends no headers), and the .wasm must arrive as application/wasm.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const {execFile, execFileSync} = require("child_process");
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const S3rver = require("s3rver");
const b = require("./lib/browser");
const {startServer, ROOT} = require("./lib/server");
const {signUpInApp} = require("./lib/sign_up");

const DEPLOY = path.join(ROOT, "scripts/deploy-s3");
const BUCKET = "skyloom-e2e";
const PREFIX = "site";
const IMAGE_MS = 60000;  // SwiftShader + a cold image worker on a busy 2-core machine
// s3rver checks only that the access key id is "S3RVER" (no signatures). /dev/null for the CLI's
// files keeps a developer's own AWS setup out, and with the instance-metadata lookup off a
// missing key fails at once instead of after a probe of 169.254.169.254.
const AWS_ENV = {AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_DEFAULT_REGION: "us-east-1",
                 AWS_EC2_METADATA_DISABLED: "true", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null"};

let s3;         // the S3rver
let s3url;      // http://127.0.0.1:PORT, the site's origin
const created = [];  // object keys in the order s3rver stored them (its ObjectCreated events)
let api;
let browser;
let dir;

function deploy(args, env = AWS_ENV) {
  return new Promise((resolve) => {
    const clean = {...process.env};
    for (const k of Object.keys(clean)) if (k.startsWith("AWS_")) delete clean[k];
    execFile(DEPLOY, args, {env: {...clean, ...env}, timeout: 120000}, (err, stdout, stderr) =>
      resolve({code: err ? (err.code ?? 1) : 0, stdout, stderr}));
  });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "skyloom-e2e-s3-"));
  s3 = new S3rver({address: "127.0.0.1", port: 0, directory: path.join(dir, "s3"), silent: true,
                   configureBuckets: [{name: BUCKET}]});
  const {port} = await s3.run();
  s3url = `http://127.0.0.1:${port}`;
  s3.on("event", (e) => { for (const r of e.Records) if (/^ObjectCreated/.test(r.eventName)) created.push(r.s3.object.key); });
  // The API alone (no --site: the site is the bucket's), granting the bucket's origin.
  api = await startServer(["--demo", "--demo-posts", "6", "--cors-origin", s3url], {site: null});
  browser = await b.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (api) await api.stop();
  if (s3) await s3.close();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

test("deploy-s3 fails loudly: no site, no credentials, no bucket", async () => {
  const noDist = await deploy([BUCKET, "--endpoint-url", s3url, "--dist", path.join(dir, "nothing")]);
  assert.notEqual(noDist.code, 0);
  assert.match(noDist.stderr, /index\.html is missing/);
  const {AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...noKeys} = AWS_ENV;
  const noCreds = await deploy([BUCKET, "--endpoint-url", s3url], noKeys);
  assert.notEqual(noCreds.code, 0);
  assert.match(noCreds.stderr, /no AWS credentials/);
  const noBucket = await deploy(["no-such-bucket/site", "--endpoint-url", s3url]);
  assert.notEqual(noBucket.code, 0);
  assert.match(noBucket.stderr, /cannot use bucket 'no-such-bucket'/);
  assert.deepEqual(created, [], "nothing was uploaded");
});

test("deploy-s3 uploads with types, caching and encodings, index.html last", async () => {
  const args = [`${BUCKET}/${PREFIX}`, "--endpoint-url", s3url, "--api", api.url];
  const plan = await deploy([...args, "--dry-run"]);
  assert.equal(plan.code, 0, plan.stderr);
  const lines = plan.stdout.trim().split("\n").filter((l) => !l.startsWith("#"));
  assert.equal(lines.at(-1).split("\t")[0], `s3://${BUCKET}/${PREFIX}/index.html`, "the plan ends with index.html");

  const t0 = Date.now();
  const run = await deploy(args);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  console.log(`# deploy-s3: ${created.length} objects in ${Date.now() - t0} ms`);
  // The real order, as s3rver stored them: index.html strictly last, config.json before it.
  assert.equal(created.length, lines.length, "every planned object arrived once");
  assert.equal(created.at(-1), `${PREFIX}/index.html`);
  assert.ok(created.indexOf(`${PREFIX}/config.json`) > created.findIndex((k) => /\.wasm$/.test(k)),
            "config.json after the hashed assets");

  const head = async (key) => {
    const res = await fetch(`${s3url}/${BUCKET}/${PREFIX}/${key}`, {method: "HEAD"});
    assert.equal(res.status, 200, key);
    return res.headers;
  };
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "web/dist/manifest.json"), "utf8"));
  const wasm = await head(manifest.wasm);
  assert.equal(wasm.get("content-type"), "application/wasm");
  assert.equal(wasm.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(wasm.get("content-encoding"), null);
  const br = await head(manifest.wasm + ".br");
  assert.equal(br.get("content-encoding"), "br");
  assert.equal(br.get("content-type"), "application/wasm");
  assert.equal((await head(manifest.js + ".gz")).get("content-encoding"), "gzip");
  assert.equal((await head(manifest.scriptFonts[0].url)).get("content-type"), "font/woff2");
  assert.equal((await head(manifest.imageWorker.model)).get("content-type"), "application/octet-stream");
  for (const key of ["index.html", "config.json", "manifest.json"])
    assert.equal((await head(key)).get("cache-control"), "no-cache", key);

  const config = await (await fetch(`${s3url}/${BUCKET}/${PREFIX}/config.json`)).json();
  assert.deepEqual(config, {api_base: api.url});
  // The page's policy is a <meta> tag, first in <head> after the charset, with the API's origin.
  const index = await (await fetch(`${s3url}/${BUCKET}/${PREFIX}/index.html`)).text();
  const meta = /<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(index);
  assert.ok(meta, "the CSP meta tag follows <meta charset>");
  assert.match(meta[1], /script-src 'self' 'wasm-unsafe-eval'; /);
  assert.ok(meta[1].includes(`connect-src 'self' ${api.url};`), meta[1]);
  assert.ok(meta[1].includes(`img-src 'self' blob: data: ${api.url};`), meta[1]);
  assert.ok(!meta[1].includes("frame-ancestors"), "a meta policy cannot carry frame-ancestors");
  // index.html.br was rewritten with the tag (a stale one would serve the page without it).
  // Raw bytes through node:http: fetch() would undo the Content-Encoding s3rver sends back.
  const raw = await new Promise((resolve, reject) => http.get(`${s3url}/${BUCKET}/${PREFIX}/index.html.br`, (res) => {
    const chunks = [];
    res.on("data", (c) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks))).on("error", reject);
  }).on("error", reject));
  assert.equal(zlib.brotliDecompressSync(raw).toString(), index);
});

// An 800x600 photo, red over blue (no EXIF: orientation is e2e_images's business).
function makePhoto(file) {
  execFileSync("convert", ["-size", "800x300", "xc:#e01010", "-size", "800x300", "xc:#1030e0",
                           "-append", "-quality", "90", file]);
}

// What a person does on the site from the bucket.
async function journey(page) {
  await page.goto(`${s3url}/${BUCKET}/${PREFIX}/index.html`);
  // A visitor's Explore: the demo posts and their pictures, fetched from the API's origin.
  await b.waitFor(page, async () => { const s = await b.state(page); return s && s.route === "feed" && s.feed.posts.some((p) => p.has_image) && s; },
                  "Explore with pictures");
  await b.waitFor(page, async () => (await b.state(page)).images.ready >= 1, "a picture drawn", IMAGE_MS);
  assert.equal((await b.state(page)).images.failed, 0);
  await b.screenshot(page, "deploy-s3-explore");

  // Sign up; the code comes from the API server's outbox.
  const user = "bucketeer";
  const email = "bucketeer@example.com";
  const password = "a bucket of 17 pails";
  await signUpInApp(b, page, {user, email, password, outbox: api.outbox});
  if ((await b.state(page)).route !== "feed") await b.click(page, "Explore", "tab");

  const text = "Posted from a page in a bucket.";
  await b.typeInto(page, "What's on your mind?", text);
  await b.click(page, "Post", "button");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.feed.posts[0].text === text && s.feed.posts[0].author === user; },
                  "the post on top of Explore");

  const photo = path.join(dir, "photo.jpg");
  makePhoto(photo);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", {timeout: 15000}), b.click(page, "Add image", "button")]);
  await chooser.setFiles(photo);
  await b.waitFor(page, async () => {
    const i = (await b.state(page)).composer.image;
    if (i.phase === "failed") throw new Error("image failed: " + i.error);
    return i.phase === "ready" && i.local_labels.length === 5;  // the worker's model came from the bucket
  }, "the photo processed, labelled and uploaded", IMAGE_MS);
  const caption = "A red and blue flag, uploaded across origins.";
  await b.typeInto(page, "What's on your mind?", caption);
  await b.click(page, "Post", "button");
  await b.waitFor(page, async () => {
    const s = await b.state(page);
    return s.composer.image.phase === "none" && s.feed.posts[0].has_image && s.feed.posts[0].text === caption;
  }, "the image post on top of Explore", IMAGE_MS);
  await b.waitFor(page, async () => (await b.items(page)).some((i) => i.kind === "image" && i.label.startsWith(`Image by @${user}`)),
                  "my image in the feed");
  await b.waitFor(page, async () => (await b.state(page)).images.loading === 0, "every picture loaded", IMAGE_MS);
  assert.equal((await b.state(page)).images.failed, 0);
  await b.settle(page, 3);
  await b.screenshot(page, "deploy-s3-posted");

  // A reload keeps the session (the refresh token goes to the API's origin too).
  await page.reload();
  await b.waitFor(page, async () => { const s = await b.state(page); return s && s.user === user && s.feed.posts.length > 0 && s; },
                  "signed in after a reload");
  // Sign out and back in by typing: /auth/logout and /auth/login across origins as well.
  await b.click(page, "Sign out", "button");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.user === null && s.route === "login"; }, "signed out");
  if ((await b.findItem(page, "Username or email", "input")).value !== user) await b.typeInto(page, "Username or email", user);
  await b.typeInto(page, "Password", password);
  await page.keyboard.press("Enter");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.user === user && s.route === "feed" && s.feed.posts.length > 0; },
                  "signed in again");
}

test("the site from the bucket, API on another origin: Explore's pictures, sign up, post, image post, sign in", async () => {
  const page = await b.openPage(browser);
  const context = page.context();
  // Everything the page and its workers do: failed requests, console messages, CSP reports.
  const bad = [];
  const consoleAll = [];
  const wasmTypes = {};
  context.on("response", (r) => {
    if (r.status() >= 400) bad.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    if (/\.wasm$/.test(new URL(r.url()).pathname)) wasmTypes[path.basename(new URL(r.url()).pathname)] = r.headers()["content-type"];
  });
  context.on("requestfailed", (r) => bad.push(`failed ${r.method()} ${r.url()}: ${r.failure() && r.failure().errorText}`));
  context.on("console", (m) => consoleAll.push(`${m.type()}: ${m.text()}`));
  // Reported straight to the test, so the reload at the end loses none.
  const violations = [];
  await page.exposeFunction("reportCspViolation", (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });

  const report = () => `# console:\n${consoleAll.join("\n")}\n# failed requests:\n${bad.join("\n")}\n# CSP violations:\n${violations.join("\n")}`;
  try {
    await journey(page);
  } catch (err) {
    console.log(report());
    throw err;
  }
  const errors = consoleAll.filter((m) => m.startsWith("error:"));
  const suspicious = consoleAll.filter((m) => /Content Security Policy|streaming compile|MIME type|CORS/i.test(m));
  if (bad.length || errors.length || violations.length || suspicious.length) console.log(report());
  assert.deepEqual(bad, [], "no request failed or answered >= 400");
  assert.deepEqual(violations, [], "no CSP violation");
  assert.deepEqual(errors, [], "no console error");
  assert.deepEqual(page.consoleErrors, [], "no page error");  // uncaught exceptions too (lib/browser.js)
  assert.deepEqual(suspicious, [], "nothing about CSP, CORS or the wasm's type in the console");
  // Both modules came as application/wasm, so streaming compilation could take them as they are.
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "web/dist/manifest.json"), "utf8"));
  assert.deepEqual(Object.keys(wasmTypes).sort(), [manifest.wasm, path.basename(manifest.imageWorker.wasm)].sort());
  for (const [name, type] of Object.entries(wasmTypes)) assert.equal(type, "application/wasm", name);

  // Last, so its console error counts for nothing above: the meta policy is in force, not just
  // present, and the listener hears it. An inline script is refused.
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.inlineScriptRan = true;";
    document.head.appendChild(s);
  });
  await b.waitFor(page, async () => violations.some((v) => /^script-src/.test(v)), "the inline script's violation");
  assert.equal(await page.evaluate(() => window.inlineScriptRan), undefined);
  await context.close();
});
