// The meme editor end to end in the real browser (issue 5): sign in, open the editor from the
// top bar, pick a template, drag a box with the mouse (its spec position changes), undo/redo
// and nudge with the keyboard, type the captions, post; the meme shows in Explore with its
// rendered image (<= 1000 px wide, text pixels where the boxes are); Remix opens the editor
// with the same background and boxes.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const {execFileSync, spawnSync} = require("child_process");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");

const DEMO_PASSWORD = "skyloom-demo-2026";  // src/server/demo_seed.h
const WAIT_MS = 60000;  // SwiftShader + a cold worker on a busy machine

let server;
let browser;
let dir;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "skyloom-e2e-meme-"));
  server = await startServer(["--demo", "--demo-posts", "4"]);
  browser = await b.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

const meme = async (page) => (await b.state(page)).meme;

async function signIn() {
  const page = await b.openPage(browser);
  await page.goto(server.url + "/#/login");
  await b.typeInto(page, "Username or email", "memequeen");
  await b.typeInto(page, "Password", DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await b.waitFor(page, async () => { const s = await b.state(page); return s.route === "feed" && s.feed.posts.length > 0; }, "the feed");
  return page;
}

async function waitForBackground(page) {
  return b.waitFor(page, async () => {
    const m = await meme(page);
    if (m.background.state === "failed") throw new Error("background failed: " + m.background.error);
    return m.background.ready && m.background.state === "done" && m.canvas.w > 0 && m;
  }, "the meme background", WAIT_MS);
}

// Drags with real mouse events from (x, y) by (dx, dy), in steps like a hand.
async function drag(page, x, y, dx, dy) {
  await page.mouse.move(x, y);
  await b.settle(page, 1);
  await page.mouse.down();
  await b.settle(page, 1);
  const steps = 8;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x + dx * i / steps, y + dy * i / steps);
    await b.settle(page, 1);
  }
  await page.mouse.up();
  await b.settle(page, 2);
}

// Mean absolute difference (0..1) of two images inside rect {x, y, w, h} (pixels), via
// ImageMagick's compare (which prints "abs (normalized)" on stderr).
function regionDiff(a, b, rect) {
  const crop = `${Math.round(rect.w)}x${Math.round(rect.h)}+${Math.round(rect.x)}+${Math.round(rect.y)}`;
  const r = spawnSync("compare", ["-metric", "MAE", `${a}[${crop}]`, `${b}[${crop}]`, "null:"]);
  const m = /\(([0-9.e+-]+)\)/.exec(r.stderr.toString());
  if (!m) throw new Error("compare: " + r.stderr.toString());
  return Number(m[1]);
}

// The part of box `box` (fractions) inside an image or canvas rect, inset to skip its border.
function boxRect(box, area, inset = 4) {
  return {x: area.x + box.x * area.w + inset, y: area.y + box.y * area.h + inset,
          w: box.w * area.w - 2 * inset, h: box.h * area.h - 2 * inset};
}

test("make a meme from a template, drag a box, type, post, see it in Explore, remix it", async () => {
  const page = await signIn();
  await b.click(page, "Make a meme", "button");
  await b.waitForRoute(page, "meme");
  await b.waitFor(page, async () => (await meme(page)).templates.length >= 6, "the template gallery");
  await page.waitForTimeout(500);  // thumbnails
  await b.settle(page, 3);
  await b.screenshot(page, "meme-gallery");

  // Search narrows the gallery; clearing it brings all back.
  await b.typeInto(page, "Search templates", "galaxy");
  await b.waitFor(page, async () => { const m = await meme(page); return m.templates.length === 1 && m.templates[0].name === "Galaxy brain"; }, "the search result");
  for (let i = 0; i < 6; i++) await page.keyboard.press("Backspace");
  await b.waitFor(page, async () => (await meme(page)).templates.length >= 6, "the whole gallery again");

  await b.click(page, "Two buttons", "button");
  let m = await waitForBackground(page);
  const template = m.templates.find((t) => t.name === "Two buttons");
  assert.equal(m.spec.background.template_id, template.id);
  assert.ok(m.spec.boxes.length >= 2, "the template's boxes");
  // The background's AI labels, computed in the browser by the image worker (issue 6).
  const labelled = await b.waitFor(page, async () => { const x = await meme(page); return x.labels.length === 5 && x; }, "the background's AI labels", 60000);
  const total = labelled.labels.reduce((a, l) => a + l.probability, 0);
  assert.ok(Math.abs(total - 1) < 1e-3, `probabilities sum to 1 (${total})`);
  await b.settle(page, 3);
  const templateShot = await b.screenshot(page, "meme-editor-template");

  // Drag box 1 (the second) by 80 px down and 30 px left, with the mouse on the canvas.
  const box = m.spec.boxes[1];
  const c = m.canvas;
  const start = {x: box.x, y: box.y};
  const cx = c.x + (box.x + box.w / 2) * c.w, cy = c.y + (box.y + box.h / 2) * c.h;
  const rendersBefore = m.layers.renders;
  await drag(page, cx, cy, -30, 80);
  m = await meme(page);
  assert.equal(m.layers.renders, rendersBefore, "moving a box re-renders no text layer");
  assert.equal(m.selected, 1, "the dragged box is selected");
  const moved = m.spec.boxes[1];
  assert.ok(Math.abs(moved.x - Math.max(0, start.x - 30 / c.w)) < 3 / c.w, `x moved: ${start.x} -> ${moved.x}`);
  assert.ok(Math.abs(moved.y - Math.min(1 - box.h, start.y + 80 / c.h)) < 3 / c.h, `y moved: ${start.y} -> ${moved.y}`);
  assert.equal(m.can_undo, true);

  // Undo / redo with the keyboard: the whole drag is one step.
  await page.keyboard.press("Control+z");
  await b.waitFor(page, async () => { const s = await meme(page); return Math.abs(s.spec.boxes[1].y - start.y) < 1e-9 && s; }, "undo of the drag");
  await page.keyboard.press("Control+Shift+z");
  await b.waitFor(page, async () => Math.abs((await meme(page)).spec.boxes[1].y - moved.y) < 1e-9, "redo of the drag");
  // Arrow keys nudge the selected box by a pixel.
  await page.keyboard.press("ArrowDown");
  await b.waitFor(page, async () => { const s = await meme(page); return Math.abs(s.spec.boxes[1].y - (moved.y + 1 / c.h)) < 1e-6; }, "the nudge");

  // The selected box's corner handle resizes it.
  const before = (await meme(page)).spec.boxes[1];
  await drag(page, c.x + (before.x + before.w) * c.w, c.y + (before.y + before.h) * c.h, 20, 15);
  const resized = (await meme(page)).spec.boxes[1];
  assert.ok(Math.abs(resized.w - (before.w + 20 / c.w)) < 3 / c.w, `wider: ${before.w} -> ${resized.w}`);
  assert.ok(Math.abs(resized.h - (before.h + 15 / c.h)) < 3 / c.h, `taller: ${before.h} -> ${resized.h}`);
  assert.ok(Math.abs(resized.x - before.x) < 1e-9 && Math.abs(resized.y - before.y) < 1e-9, "the opposite corner stays");

  // Type into the two boxes (the selected box's text field).
  await b.typeInto(page, "Box text", "write the editor in C++");
  await b.click(page, "Box 1", "tab");
  await b.waitFor(page, async () => (await meme(page)).selected === 0, "box 1 selected");
  await b.typeInto(page, "Box text", "ship it tonight");
  m = await meme(page);
  assert.equal(m.spec.boxes[0].text, "ship it tonight");
  assert.equal(m.spec.boxes[1].text, "write the editor in C++");
  await b.settle(page, 3);
  const editorShot = await b.screenshot(page, "meme-editor-typed");
  // The live preview draws the caption: box 1's area changed since the template was picked,
  // and an area without boxes did not.
  const b0 = m.spec.boxes[0];
  const previewDiff = regionDiff(templateShot, editorShot, boxRect(b0, m.canvas));
  assert.ok(previewDiff > 0.03, `the preview shows the caption in box 1 (diff ${previewDiff})`);
  const calm = regionDiff(templateShot, editorShot, {x: m.canvas.x + 0.5 * m.canvas.w, y: m.canvas.y + 0.62 * m.canvas.h, w: 0.3 * m.canvas.w, h: 0.12 * m.canvas.h});
  assert.ok(calm < 0.01, `nothing changed where there is no box (diff ${calm})`);

  // Post it.
  await b.typeInto(page, "Caption", "Deadline memes");
  const spec = (await meme(page)).spec;
  await b.click(page, "Post meme", "button");
  const s = await b.waitFor(page, async () => {
    const st = await b.state(page);
    if (st.meme.post.state === "failed") throw new Error("post failed: " + st.meme.post.error);
    return st.route === "feed" && st.feed.tab === "explore" && st.feed.posts.length && st.feed.posts[0].meme && st;
  }, "the meme at the top of Explore", WAIT_MS);
  const post = s.feed.posts[0];
  assert.equal(post.author, "memequeen");
  assert.equal(post.text, "Deadline memes");
  assert.equal(post.has_image, true);
  assert.equal(post.meme.boxes[0].text, "ship it tonight");
  assert.equal(post.meme.boxes[1].text, "write the editor in C++");
  assert.equal(post.meme.background.template_id, template.id);
  assert.ok(Math.abs(post.meme.boxes[1].y - spec.boxes[1].y) < 1e-9, "the dragged position was stored");
  await b.waitFor(page, async () => (await b.state(page)).images.ready >= 1, "the image texture");
  await page.waitForTimeout(400);
  await b.settle(page, 3);
  await b.screenshot(page, "meme-in-explore");

  // The stored image: the rendering, at most 1000 px wide, with caption pixels inside box 1.
  const stored = path.join(dir, "meme.jpg");
  const res = await fetch(server.url + post.media.url);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "image/jpeg");
  fs.writeFileSync(stored, Buffer.from(await res.arrayBuffer()));
  const [w, h] = execFileSync("identify", ["-format", "%w %h", stored]).toString().split(" ").map(Number);
  assert.ok(w <= 1000 && w > 0, `at most 1000 px wide (${w}x${h})`);
  // Against the template's own image at the same size: the captions are in boxes 1 and 2
  // (box 2 where it was dragged), and the rest is the background.
  const plain = path.join(dir, "template.png");
  const tpl = await fetch(server.url + m.templates.find((t) => t.id === template.id).url);
  fs.writeFileSync(plain + ".jpg", Buffer.from(await tpl.arrayBuffer()));
  execFileSync("convert", [plain + ".jpg", "-resize", `${w}x${h}!`, plain]);
  const full = {x: 0, y: 0, w, h};
  const d0 = regionDiff(stored, plain, boxRect(post.meme.boxes[0], full));
  const d1 = regionDiff(stored, plain, boxRect(post.meme.boxes[1], full));
  const none = regionDiff(stored, plain, {x: 0.5 * w, y: 0.62 * h, w: 0.3 * w, h: 0.12 * h});
  assert.ok(d0 > 0.05 && d1 > 0.05, `caption pixels in the exported boxes (diff ${d0}, ${d1})`);
  assert.ok(none < 0.03, `the background elsewhere is the template (diff ${none})`);

  // Remix from the card: the editor opens on the same background with the same boxes.
  const remix = (await b.items(page)).filter((i) => i.label === "Remix").sort((a, z) => a.y - z.y)[0];
  assert.ok(remix, "a Remix link on the meme");
  await b.click(page, "Remix", "link");
  await b.waitForRoute(page, "meme");
  m = await waitForBackground(page);
  assert.equal(m.remix_of, post.id);
  assert.equal(m.spec.background.template_id, template.id);
  assert.deepEqual(m.spec.boxes, post.meme.boxes);
  await b.settle(page, 3);
  await b.screenshot(page, "meme-remix");
});

test("a picked file and one of my images as backgrounds", async () => {
  const photo = path.join(dir, "photo.jpg");
  execFileSync("convert", ["-size", "1600x1200", "gradient:#208040-#e0e0f0", "-quality", "90", photo]);
  const page = await signIn();
  await b.click(page, "Make a meme", "button");
  await b.waitFor(page, async () => (await meme(page)).templates.length > 0, "the gallery");

  // A file from the chooser: processed by the worker, shown, uploaded; the spec names it.
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser", {timeout: 15000}),
    b.click(page, "Upload an image", "button"),
  ]);
  await chooser.setFiles(photo);
  let m = await b.waitFor(page, async () => {
    const s = await meme(page);
    if (s.background.state === "failed") throw new Error("background failed: " + s.background.error);
    return s.background.state === "done" && s.spec.background.media_id && s.canvas.w > 0 && s;
  }, "the uploaded background", WAIT_MS);
  assert.equal(m.background.width, 1000, "the file was resized to 1000 px before upload");
  assert.equal(m.spec.background.template_id, undefined);
  const uploaded = m.spec.background.media_id;
  await b.typeInto(page, "Box text", "from a file");
  await b.settle(page, 3);
  await b.screenshot(page, "meme-file-background");
  await b.click(page, "Post meme", "button");
  const s = await b.waitFor(page, async () => {
    const st = await b.state(page);
    if (st.meme.post.state === "failed") throw new Error("post failed: " + st.meme.post.error);
    return st.route === "feed" && st.feed.posts.length && st.feed.posts[0].meme && st;
  }, "the file meme in Explore", WAIT_MS);
  const post = s.feed.posts[0];
  assert.equal(post.meme.background.media_id, uploaded);
  assert.equal(post.meme.boxes[0].text, "from a file");
  assert.notEqual(post.media.id, uploaded, "the post's image is the rendering, not the background");
  assert.equal(post.media.width, 1000);

  // One of my images: the gallery lists the images of my posts.
  await b.click(page, "Make a meme", "button");
  await b.waitFor(page, async () => (await meme(page)).templates.length > 0, "the gallery");
  await b.click(page, "My images", "button");
  m = await b.waitFor(page, async () => { const x = await meme(page); return x.my_images.length >= 2 && x; }, "my images");
  await page.waitForTimeout(300);
  await b.settle(page, 3);
  await b.screenshot(page, "meme-my-images");
  await b.click(page, "My image 1", "button");
  m = await waitForBackground(page);
  assert.equal(m.spec.background.media_id, m.my_images[0]);
  assert.equal(m.choosing_background, false);
});
