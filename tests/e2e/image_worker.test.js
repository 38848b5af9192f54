// The image worker in real headless Chromium: page JS hands bytes to window.skyloom.processImage,
// which goes through the app's C++ client (src/app/platform/image_worker_web.cpp) to the Web
// Worker running the WASM pipeline (shell/image-worker.js, src/image_worker) from web/dist's
// hashed files, and back through the main loop. Fixtures are made with ImageMagick at test time.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const {execFileSync} = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const b = require("./lib/browser");
const {startServer, ROOT} = require("./lib/server");

const EXIF_SH = path.join(ROOT, "tests/unit/fixtures/exif.sh");
const JOB_TIMEOUT_MS = 30000;  // a 12 MP job takes ~0.5 s; SwiftShader pages are slow to start

let server;
let browser;
let page;
let dir;
const fixtures = {};

function sh(script) { execFileSync("bash", ["-euc", script], {cwd: dir, stdio: "pipe"}); }

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "skyloom-image-worker-"));
  // 1600x1200 stored sideways with EXIF orientation 6 (and a GPS tag that must not survive):
  // red marks the stored top-left corner, which is the top-right once upright.
  sh(`source "${EXIF_SH}"
      convert -size 1600x1200 xc:'rgb(0,0,255)' -fill 'rgb(255,0,0)' -draw 'rectangle 0,0 399,299' \
        -quality 90 stored.jpg
      add_exif stored.jpg rotated.jpg 6 II gps
      convert -size 4000x3000 gradient:white-black -quality 92 big.jpg
      convert -size 13000x10 xc:red huge.png`);
  for (const name of ["rotated.jpg", "big.jpg", "huge.png"]) fixtures[name] = fs.readFileSync(path.join(dir, name));
  server = await startServer();
  browser = await b.launch();
  page = await b.openPage(browser);
  await page.goto(server.url + "/#/login");
  await b.waitFor(page, () => page.evaluate(() => !!(window.skyloom && window.skyloom.processImage)), "the image bridge");
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

// Starts a job in the page; the bytes travel as base64 (page.evaluate arguments are JSON).
function start(bytes, options = {}) {
  return page.evaluate(([b64, options]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const job = window.skyloom.processImage(bytes.buffer, options);
    window.__jobs = window.__jobs || {};
    window.__jobs[job.id] = job;
    job.result.then((r) => { job.settled = r; });
    return job.id;
  }, [bytes.toString("base64"), options]);
}

async function result(id) {
  await b.waitFor(page, () => page.evaluate((id) => !!window.__jobs[id].settled, id), `image job ${id}`, JOB_TIMEOUT_MS);
  return page.evaluate((id) => {
    const r = window.__jobs[id].settled;
    const out = Object.assign({}, r);
    if (r.ok) {
      out.bytes = Array.from(r.bytes);
      out.thumbnail = r.thumbnail.length;
    }
    out.progress = window.__jobs[id].progress;
    return out;
  }, id);
}

// Decodes the output in the page (no EXIF handling, so what is stored is what is seen) and
// samples the middle of each quadrant.
function quadrants(bytes) {
  return page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], {type: "image/jpeg"}),
                                           {imageOrientation: "none"});
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(bitmap, 0, 0);
    const at = (fx, fy) => Array.from(ctx.getImageData(Math.floor(bitmap.width * fx), Math.floor(bitmap.height * fy), 1, 1).data.slice(0, 3));
    return {width: bitmap.width, height: bitmap.height,
            topLeft: at(0.1, 0.1), topRight: at(0.9, 0.1), bottomLeft: at(0.1, 0.9), bottomRight: at(0.9, 0.9)};
  }, bytes);
}

const isRed = ([r, g, bl]) => r > 200 && g < 60 && bl < 60;
const isBlue = ([r, g, bl]) => bl > 200 && r < 60 && g < 60;
const contains = (bytes, text) => Buffer.from(bytes).includes(Buffer.from(text, "latin1"));

test("a sideways 1600x1200 JPEG comes back upright, 1000 px wide, without EXIF, with progress", async () => {
  const r = await result(await start(fixtures["rotated.jpg"]));
  assert.equal(r.ok, true, JSON.stringify({code: r.code, message: r.message}));
  assert.equal(r.mime, "image/jpeg");
  assert.deepEqual([r.width, r.height], [1000, 1333], "upright (portrait) and at most 1000 wide");
  assert.deepEqual(r.bytes.slice(0, 3), [0xff, 0xd8, 0xff]);
  assert.ok(!contains(r.bytes, "Exif\0\0"), "no EXIF segment in the output");
  assert.ok(!contains(r.bytes, "SKYLOOMGPS"), "the GPS tag is gone");
  const seen = await quadrants(r.bytes);
  assert.deepEqual([seen.width, seen.height], [1000, 1333]);
  assert.ok(isRed(seen.topRight), `top-right is red once upright: ${seen.topRight}`);
  for (const q of ["topLeft", "bottomLeft", "bottomRight"]) assert.ok(isBlue(seen[q]), `${q} is blue: ${seen[q]}`);
  assert.deepEqual([r.thumbnailWidth, r.thumbnailHeight], [320, 427]);
  assert.ok(r.thumbnail > 0 && r.thumbnailMime === "image/jpeg");
  assert.match(r.placeholder, /^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{6,}$/, "a BlurHash");

  const stages = r.progress.map((p) => p.stage);
  assert.deepEqual(stages, ["Decoding", "Resizing", "Rotating", "Encoding", "Making thumbnail"]);
  const fractions = r.progress.map((p) => p.fraction);
  assert.deepEqual(fractions, fractions.slice().sort((x, y) => x - y), "fractions only rise");
  assert.ok(fractions.every((f) => f >= 0 && f < 1));
  assert.deepEqual(page.consoleErrors, []);
});

test("options reach the worker: max width, thumbnail width, quality", async () => {
  const r = await result(await start(fixtures["rotated.jpg"], {maxWidth: 500, thumbnailWidth: 100, quality: 50}));
  assert.equal(r.ok, true);
  assert.deepEqual([r.width, r.height, r.thumbnailWidth], [500, 667, 100]);
});

test("cancel terminates the running job: no result, no more progress; the next job still works", async () => {
  const big = await start(fixtures["big.jpg"]);
  // Cancel while the worker is inside the job (its first progress report has arrived).
  await b.waitFor(page, () => page.evaluate((id) => window.__jobs[id].progress.length > 0, big), "the big job to start", JOB_TIMEOUT_MS);
  const progressAtCancel = await page.evaluate((id) => {
    window.__oldWorker = Module.skyloomImages.worker;
    window.skyloom.cancelImage(id);
    return window.__jobs[id].progress.length;
  }, big);
  assert.ok(await page.evaluate(() => Module.skyloomImages.worker === null), "the worker is terminated");
  const next = await result(await start(fixtures["rotated.jpg"]));
  assert.equal(next.ok, true, "the next job runs on a fresh worker");
  assert.ok(await page.evaluate(() => Module.skyloomImages.worker !== window.__oldWorker), "a new worker");
  await page.waitForTimeout(1500);  // longer than the big job takes
  const after = await page.evaluate((id) => ({settled: !!window.__jobs[id].settled, progress: window.__jobs[id].progress.length}), big);
  assert.deepEqual(after, {settled: false, progress: progressAtCancel});
});

test("cancelling a queued job leaves the running one alone", async () => {
  const first = await start(fixtures["rotated.jpg"]);
  const queued = await start(fixtures["rotated.jpg"]);
  await page.evaluate((id) => window.skyloom.cancelImage(id), queued);
  const r = await result(first);
  assert.equal(r.ok, true);
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate((id) => !!window.__jobs[id].settled, queued), false);
});

test("core's errors arrive intact: a text file and a 13000 px PNG", async () => {
  const text = await result(await start(Buffer.from("this is a text file, not an image\n")));
  assert.equal(text.ok, false);
  assert.equal(text.code, "unsupported_format");
  assert.equal(text.status, 415);
  assert.match(text.message, /not an image we can read/);
  assert.deepEqual(text.progress.map((p) => p.stage), ["Decoding"]);

  const huge = await result(await start(fixtures["huge.png"]));
  assert.equal(huge.ok, false);
  assert.equal(huge.code, "image_too_large");
  assert.match(huge.message, /13000x10/);
  assert.deepEqual(page.consoleErrors, []);
});
