// Images end to end in the real browser: a rotated phone-style photo chosen through the file
// input is processed by the WASM worker, uploaded with progress and shows upright, at most
// 1000 px wide, in the feed (checked on the rendered pixels); drag and drop and paste take the
// same path; a broken file says why; the full-size viewer opens and closes; groups are created,
// picked in the composer and shown on their page.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const {execFileSync} = require("child_process");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");

const DEMO_PASSWORD = "skyloom-demo-2026";  // src/server/demo_seed.h
const WAIT_IMAGE_MS = 60000;  // SwiftShader + a cold worker on a busy CI machine

let server;
let browser;
let dir;

// Upright, the photo is 1200x1600: grainy red top half, blue bottom half. It is stored rotated a
// quarter turn (1600x1200) with EXIF orientation 6 and a GPS block, as a phone held upright
// writes it (tests/unit/fixtures/exif.sh splices the EXIF segment in).
function makeRotatedPhoto(file) {
  const plain = file + ".plain.jpg";
  execFileSync("convert", ["-size", "1200x1600", "xc:#e01010",
    "(", "-size", "1200x800", "xc:#1030e0", ")", "-geometry", "+0+800", "-composite",
    "-attenuate", "0.3", "+noise", "Gaussian",  // grain, so it compresses like a photo
    "-rotate", "-90", "-quality", "92", plain]);
  const exif = path.join(__dirname, "../unit/fixtures/exif.sh");
  execFileSync("bash", ["-c", 'source "$0"; add_exif "$1" "$2" 6 II gps', exif, plain, file]);
  const size = execFileSync("identify", ["-format", "%w %h %[EXIF:Orientation]", file]).toString();
  assert.equal(size, "1600 1200 6", "fixture is stored sideways with orientation 6");
  assert.ok(fs.readFileSync(file).includes("SKYLOOMGPS"), "fixture carries a GPS block");
}

// sRGB of one pixel of a screenshot, via ImageMagick (no PNG decoder needed in Node).
function pixel(png, x, y) {
  const out = execFileSync("convert", [png, "-format", `%[fx:int(255*p{${Math.round(x)},${Math.round(y)}}.r)] %[fx:int(255*p{${Math.round(x)},${Math.round(y)}}.g)] %[fx:int(255*p{${Math.round(x)},${Math.round(y)}}.b)]`, "info:-"]).toString();
  const [r, g, bl] = out.trim().split(/\s+/).map(Number);
  return {r, g, b: bl};
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "skyloom-e2e-images-"));
  server = await startServer(["--demo", "--demo-posts", "6"]);
  browser = await b.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

async function signIn(options) {
  const page = await b.openPage(browser, options);
  await page.goto(server.url + "/#/login");
  await b.typeInto(page, "Username or email", "ada");
  await b.typeInto(page, "Password", DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.route === "feed" && s.feed.posts.length > 0; }, "the feed");
  return page;
}

const image = async (page) => (await b.state(page)).composer.image;

async function waitForPhase(page, phase) {
  return b.waitFor(page, async () => {
    const i = await image(page);
    if (i.phase === "failed" && phase === "ready") throw new Error("image failed: " + i.error);
    return i.phase === phase && i;
  }, "image " + phase, WAIT_IMAGE_MS);
}

async function postAndFindImage(page, text) {
  if (text) await b.typeInto(page, "What's on your mind?", text);
  await b.click(page, "Post", "button");
  const s = await b.waitFor(page, async () => {
    const st = await b.state(page);
    return st.composer.image.phase === "none" && st.feed.posts[0].has_image && (!text || st.feed.posts[0].text === text) && st;
  }, "the image post at the top of the feed");
  return s.feed.posts[0];
}

test("a rotated phone photo from the file input is posted upright and at most 1000 px wide", async () => {
  const photo = path.join(dir, "phone.jpg");
  makeRotatedPhoto(photo);
  const page = await signIn();
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser", {timeout: 15000}),
    b.click(page, "Add image", "button"),
  ]);
  await chooser.setFiles(photo);
  const seen = new Set();
  await b.waitFor(page, async () => {
    const i = await image(page);
    if (i.phase === "processing" || i.phase === "uploading") seen.add(i.phase);
    if (i.phase === "failed") throw new Error("image failed: " + i.error);
    return i.phase === "ready";
  }, "the photo to be processed and uploaded", WAIT_IMAGE_MS);
  const ready = await image(page);
  assert.equal(ready.width, 1000, "resized to 1000 px wide");
  assert.equal(ready.height, 1333, "upright: portrait after applying orientation 6");
  assert.equal(ready.original_bytes, fs.statSync(photo).size);
  assert.ok(ready.processed_bytes > 0 && ready.processed_bytes < ready.original_bytes,
            `smaller after processing (${ready.original_bytes} -> ${ready.processed_bytes})`);
  assert.ok(seen.size >= 1, "progress phases were shown");
  await b.waitFor(page, async () => (await image(page)).preview, "the preview");
  // AI labels from the browser: the worker ran core's classifier on the processed bytes, the
  // same bytes the server labelled with the same code and model, so the numbers agree.
  const labelled = await b.waitFor(page, async () => {
    const i = await image(page);
    if (i.labels_error) throw new Error("labels failed: " + i.labels_error);
    return i.local_labels.length === 5 && i;
  }, "the browser's AI labels", WAIT_IMAGE_MS);
  assert.equal(labelled.server_labels.length, 5);
  for (let k = 0; k < 5; k++) {
    assert.equal(labelled.local_labels[k].label, labelled.server_labels[k].label);
    assert.ok(Math.abs(labelled.local_labels[k].probability - labelled.server_labels[k].probability) < 1e-4,
              `${labelled.local_labels[k].label}: browser ${labelled.local_labels[k].probability} vs server ${labelled.server_labels[k].probability}`);
  }
  assert.ok(labelled.labels_ms > 0, "the browser timed its inference");
  // The alt text field is prefilled with a draft from those labels; the author can change it.
  assert.match(labelled.alt_text, new RegExp("AI guess: " + labelled.local_labels[0].label + " \\d+%"));
  await b.click(page, "Alt text", "input");
  await page.keyboard.press("End");
  await page.keyboard.type(" A red and blue flag.", {delay: 5});
  const alt = (await b.waitFor(page, async () => { const i = await image(page); return i.alt_text.endsWith("flag.") && i; }, "the edited alt text")).alt_text;

  // Udagram's overlay: the labels drawn onto the image (a new upload), and off again (the clean
  // upload's id comes back). The overlaid file differs from the clean one only where the
  // labels are, in the bottom-left corner.
  const cleanId = labelled.media_id;
  await b.click(page, "Show the AI labels on the image", "checkbox");
  const overlaid = await b.waitFor(page, async () => {
    const i = await image(page);
    return i.overlay && i.phase === "ready" && i.media_id !== cleanId && i;
  }, "the overlaid upload", WAIT_IMAGE_MS);
  const fetchMedia = async (id, file) => {
    const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), server.url + "/api/v1/media/" + id);
    fs.writeFileSync(file, Buffer.from(bytes));
  };
  await fetchMedia(cleanId, path.join(dir, "clean.jpg"));
  await fetchMedia(overlaid.media_id, path.join(dir, "overlaid.jpg"));
  const differing = (crop) => {
    const [a, c] = ["clean", "overlaid"].map((name) => {
      const out = path.join(dir, `${name}-crop.png`);
      execFileSync("convert", [path.join(dir, name + ".jpg"), "-crop", crop, "+repage", out]);
      return out;
    });
    // compare prints the count of differing pixels on stderr and exits 1 when any differ.
    const r = require("child_process").spawnSync("compare", ["-metric", "AE", "-fuzz", "12%", a, c, "null:"]);
    return Number(r.stderr.toString().trim().split(" ")[0]);
  };
  assert.ok(differing("1000x600+0+0") < 50, "the top of the image is untouched");
  assert.ok(differing("550x450+30+830") > 2000, "the labels are drawn in the bottom-left corner");
  await b.screenshot(page, "composer-label-overlay");
  await b.click(page, "Show the AI labels on the image", "checkbox");
  await b.waitFor(page, async () => {
    const i = await image(page);
    return !i.overlay && i.phase === "ready" && i.media_id === cleanId;
  }, "the clean upload again", WAIT_IMAGE_MS);
  await b.settle(page, 3);
  await b.screenshot(page, "composer-image-ready");

  const post = await postAndFindImage(page, "Sunset from the pier");
  assert.equal(post.media.labels.length, 5, "the server labelled the upload (top-5)");
  assert.equal(post.media.alt, alt, "the post carries the author's alt text");
  assert.equal(post.sensitive, false);
  assert.equal(post.media.width, 1000);
  assert.equal(post.media.height, 1333);
  await b.waitFor(page, async () => (await b.state(page)).images.ready >= 1, "the image texture");
  await page.waitForTimeout(400);  // the 200 ms fade-in
  await b.settle(page, 3);
  const shot = await b.screenshot(page, "feed-image-post");
  // Assistive tech (and the bridge) read the author's alt text with the image.
  const item = (await b.items(page)).find((i) => i.kind === "image" && i.label === "Image by @ada: " + alt);
  assert.ok(item, "the image is in the feed, with its alt text");
  const top = pixel(shot, item.x + item.w / 2, item.y + 60);
  assert.ok(top.r > 180 && top.b < 90, `the image starts red (upright): ${JSON.stringify(top)}`);

  // Full size: click opens the viewer with the whole image; it is upright (red over blue).
  await b.click(page, item.label, "image");
  await b.waitFor(page, async () => (await b.state(page)).viewer, "the full-size viewer");
  await page.waitForTimeout(300);
  await b.settle(page, 3);
  const full = await b.screenshot(page, "image-viewer");
  const view = (await b.items(page)).find((i) => i.kind === "image" && i.label === "Full-size image");
  assert.ok(view, "the viewer shows the image");
  assert.ok(Math.abs(view.w / view.h - 1000 / 1333) < 0.01, "the viewer keeps the aspect ratio");
  const vTop = pixel(full, view.x + view.w / 2, view.y + view.h * 0.2);
  const vBottom = pixel(full, view.x + view.w / 2, view.y + view.h * 0.8);
  assert.ok(vTop.r > 180 && vTop.b < 90, `top of the image is red: ${JSON.stringify(vTop)}`);
  assert.ok(vBottom.b > 180 && vBottom.r < 90, `bottom is blue: ${JSON.stringify(vBottom)}`);
  await page.keyboard.press("Escape");
  await b.waitFor(page, async () => (await b.state(page)).viewer === null, "the viewer to close");

  // The stored file itself: upright, 1000 px, no EXIF left.
  const stored = path.join(dir, "stored.jpg");
  const res = await fetch(server.url + post.media.url);
  assert.equal(res.status, 200);
  fs.writeFileSync(stored, Buffer.from(await res.arrayBuffer()));
  assert.equal(execFileSync("identify", ["-format", "%w %h", stored]).toString(), "1000 1333");
  assert.equal(execFileSync("identify", ["-format", "%[EXIF:*]", stored]).toString().trim(), "", "no EXIF");
  assert.ok(!fs.readFileSync(stored).includes("SKYLOOMGPS"), "the GPS position did not leak");

  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

// Hands `bytes` to the page as a File and fires the events a real drop or paste would.
async function dropFile(page, bytes, name, type, how) {
  await page.evaluate(async ({data, name, type, how}) => {
    const file = new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, {type});
    const dt = new DataTransfer();
    dt.items.add(file);
    const canvas = document.getElementById("canvas");
    if (how === "paste") {
      document.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true}));
      return;
    }
    canvas.dispatchEvent(new DragEvent("dragenter", {dataTransfer: dt, bubbles: true}));
    canvas.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
    window.skyloomDropPending = () => canvas.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
  }, {data: bytes.toString("base64"), name, type, how});
  if (how === "drop") {
    await b.waitFor(page, async () => (await b.state(page)).dragging_file, "the drop target");
    await b.settle(page, 2);
    await b.screenshot(page, "drop-target");
    await page.evaluate(() => window.skyloomDropPending());
  }
}

test("drag and drop and paste attach images; a broken file says why; groups take image posts", async () => {
  const landscape = path.join(dir, "landscape.png");
  execFileSync("convert", ["-size", "640x360", "gradient:#30a050-#f0e040", landscape]);
  const page = await signIn();

  await dropFile(page, Buffer.from("this is not an image at all"), "notes.png", "image/png", "drop");
  const failed = await waitForPhase(page, "failed");
  assert.match(failed.error, /image|damaged|recogni|format/i, "says what is wrong: " + failed.error);
  await b.settle(page, 3);
  await b.screenshot(page, "composer-image-error");
  await b.click(page, "Remove", "button");
  await waitForPhase(page, "none");

  await dropFile(page, fs.readFileSync(landscape), "landscape.png", "image/png", "drop");
  const dropped = await waitForPhase(page, "ready");
  assert.equal(dropped.width, 640, "small images are not upscaled");
  // Image-only posts are allowed.
  const first = await postAndFindImage(page, "");
  assert.equal(first.media.width, 640);

  // Paste, then post it into a group picked in the composer.
  await dropFile(page, fs.readFileSync(landscape), "pasted.png", "image/png", "paste");
  await waitForPhase(page, "ready");
  const groupName = (await b.state(page)).groups[0].name;
  await b.click(page, "Group: No group", "button");
  await b.click(page, groupName);
  await b.waitFor(page, async () => (await b.state(page)).composer.group_id !== "", "the group to be picked");
  const inGroup = await postAndFindImage(page, "Pasted into a group");
  assert.equal(inGroup.group.name, groupName);

  // The post links to its group's page, which lists it.
  await b.click(page, groupName, "link");
  await b.waitFor(page, async () => {
    const s = await b.state(page);
    return s.route === "g" && s.group && s.feed.posts.some((p) => p.id === inGroup.id);
  }, "the group page with the post");
  await b.settle(page, 3);
  await b.screenshot(page, "group-page");
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test("a new group can be created from the Groups tab and is then picked for posts", async () => {
  const page = await signIn();
  await b.click(page, "Groups", "tab");
  await b.waitForRoute(page, "groups");
  await b.typeInto(page, "Name", "Tide pools");
  await b.typeInto(page, "Description", "Small worlds at low tide");
  await b.click(page, "Create group", "button");
  const s = await b.waitFor(page, async () => {
    const st = await b.state(page);
    return st.route === "g" && st.group && st.group.name === "Tide pools" && st;
  }, "the new group's page");
  assert.equal(s.composer.group_id, s.group.id, "posting from a group's page posts into it");
  await b.typeInto(page, "What's on your mind?", "Found a starfish");
  await b.click(page, "Post", "button");
  await b.waitFor(page, async () => {
    const st = await b.state(page);
    return st.feed.posts.length === 1 && st.feed.posts[0].group && st.feed.posts[0].group.name === "Tide pools";
  }, "the post on the group's page");
  // A duplicate name gets a clear error and keeps the form.
  await b.click(page, "\u2039 All groups", "link");
  await b.waitForRoute(page, "groups");
  await b.typeInto(page, "Name", "tide pools");
  await b.click(page, "Create group", "button");
  await b.waitFor(page, async () => (await b.state(page)).toasts.some((t) => t.kind === "error"), "the duplicate-name error");
  await b.settle(page, 3);
  await b.screenshot(page, "groups-screen");
  await page.context().close();
});
