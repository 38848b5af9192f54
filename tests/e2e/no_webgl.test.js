// No WebGL 2, no WebAssembly (issue 11, item 4): the shell shows the public feed as plain HTML
// (shell/html-feed.js) instead of a dead end. Chromium with its 3D APIs turned off, then one
// without WebAssembly, against the real server with demo content; located by role and name,
// as a screen reader or a keyboard user would find things.
"use strict";
const {test, before, after} = require("node:test");
const assert = require("node:assert/strict");
const b = require("./lib/browser");
const {startServer} = require("./lib/server");

const DEMO_PASSWORD = "skyloom-demo-2026";  // src/server/demo_seed.h
const POSTS = 30;                           // two pages: 20 (the feed's page size) and 10
const PAGE = 20;
const EARLY_PAGE = 10;                      // the early feed's first page (shell/html-feed.js)
// What takes the GPU away: no WebGL of either version, as on a blocklisted GPU or driver.
const NO_WEBGL = ["--disable-webgl", "--disable-3d-apis"];
// What takes WebAssembly away: V8 without its JIT installs no WebAssembly global, as in iOS
// Lockdown Mode (`--noexpose_wasm` no longer hides it in this Chromium).
const NO_WASM = ["--js-flags=--jitless"];

let server;

before(async () => {
  server = await startServer(["--demo", "--demo-posts", String(POSTS), "--demo-image-every", "3"]);
});

after(async () => {
  if (server) await server.stop();
});

async function apiPage(cursor) {
  const r = await fetch(server.url + "/api/v1/posts?limit=" + PAGE + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
  assert.equal(r.status, 200);
  return r.json();
}

// Records every request, so a test can show the app itself (wasm, glue) never downloaded.
function recordRequests(page) {
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

// What the page shows for each post, read from the DOM the way assistive tech reads it.
const readArticles = (page) => page.getByRole("article").evaluateAll((articles) => articles.map((a) => {
  const author = a.querySelector("a.hf-author");
  const time = a.querySelector("time");
  const text = a.querySelector(".hf-text");
  const img = a.querySelector("img");
  const open = a.querySelector("a.hf-open");
  return {
    author: author && author.textContent, authorHref: author && author.href,
    datetime: time && time.getAttribute("datetime"), timeText: time && time.textContent,
    text: text ? text.textContent : "",
    img: img && {alt: img.alt, width: img.getAttribute("width"), height: img.getAttribute("height"),
                 loading: img.loading, src: img.currentSrc || img.src},
    open: open && open.href, openName: open && open.getAttribute("aria-label"),
  };
}));

// Checks the rendered posts against the API's page, one for one, in order.
function assertMatches(shown, posts) {
  assert.equal(shown.length, posts.length);
  posts.forEach((post, i) => {
    const s = shown[i];
    const where = `post ${i} (${post.id})`;
    assert.equal(s.author, "@" + post.author.username, where);
    assert.equal(s.authorHref, server.url + "/u/" + post.author.username, where);
    assert.equal(s.datetime, post.created_at, where);
    assert.ok(s.timeText && s.timeText.length > 0, where + " readable time");
    assert.equal(s.text, post.text, where);
    assert.equal(s.open, server.url + "/p/" + post.id, where);
    assert.equal(s.openName, "Open post by @" + post.author.username, where);
    if (post.media) {
      assert.ok(s.img, where + " has its image");
      assert.ok(s.img.alt.trim().length > 0, where + " image alt text");
      assert.equal(Number(s.img.width), post.media.width, where);
      assert.equal(Number(s.img.height), post.media.height, where);
      assert.equal(s.img.loading, "lazy", where);
    } else {
      assert.equal(s.img, null, where);
    }
  });
}

// Scrolls each image into view (they load lazily) and waits until it has decoded pixels.
async function imagesLoad(page) {
  const images = page.getByRole("article").locator("img");
  const n = await images.count();
  assert.ok(n > 0, "the demo feed has images");
  for (let i = 0; i < n; i++) {
    const img = images.nth(i);
    await img.scrollIntoViewIfNeeded();
    await b.waitFor(page, () => img.evaluate((e) => e.complete && e.naturalWidth > 0), `image ${i} to load`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return n;
}

test("without WebGL the public feed is plain HTML: authors, times, texts, images, links, Load more", async () => {
  const browser = await b.launch({args: NO_WEBGL});
  try {
    const page = await b.openPage(browser, {width: 1280, height: 800});
    const requests = recordRequests(page);
    await page.goto(server.url + "/");
    assert.deepEqual(await page.evaluate(() => [document.createElement("canvas").getContext("webgl2"),
                                                document.createElement("canvas").getContext("webgl")]),
                     [null, null], "this browser has no WebGL");

    await page.getByRole("heading", {name: "Explore", level: 1}).waitFor();
    await page.getByText(/full Skyloom app .* needs WebGL 2/).waitFor();
    const first = await apiPage();
    assert.equal(first.items.length, PAGE);
    assert.ok(first.next_cursor, "a second page exists");
    await b.waitFor(page, async () => (await page.getByRole("article").count()) === PAGE, "the first page of posts");
    assertMatches(await readArticles(page), first.items);
    assert.equal(await page.title(), "Explore · Skyloom");
    assert.ok(await page.getByRole("list", {name: "Posts"}).isVisible());
    assert.equal(await page.locator("#canvas").isVisible(), false, "no dead canvas");
    assert.equal(await page.locator("#loader").isVisible(), false, "no loader left behind");

    const images = await imagesLoad(page);
    await b.screenshot(page, "no-webgl-desktop");

    // Load more appends the second page: no post twice, and the end says so.
    await page.getByRole("button", {name: "Load more"}).click();
    await b.waitFor(page, async () => (await page.getByRole("article").count()) === POSTS, "the second page");
    const second = await apiPage(first.next_cursor);
    const shown = await readArticles(page);
    assertMatches(shown, [...first.items, ...second.items]);
    const ids = shown.map((s) => s.open);
    assert.equal(new Set(ids).size, ids.length, "no duplicates");
    assert.equal(second.next_cursor, null);
    await page.getByText("You're all caught up.").waitFor();
    assert.equal(await page.getByRole("button", {name: "Load more"}).isVisible(), false, "nothing more to load");
    assert.ok(await imagesLoad(page) > images, "the second page's images load too");

    // The app never downloaded: no glue, no wasm.
    assert.ok(!requests.some((u) => /skyloom\.[0-9a-f]+\.(js|wasm)$/.test(u)), requests.join("\n"));
    assert.ok(requests.some((u) => /html-feed\.[0-9a-f]+\.js$/.test(u)), "the HTML feed's script");

    assert.deepEqual(page.consoleErrors, []);

    // A post's link is the server's shared-link page for it (whose own console is not ours:
    // it has no icon, so Chromium logs a 404 for /favicon.ico).
    const post = first.items[0];
    await page.getByRole("link", {name: "Open post by @" + post.author.username}).first().click();
    await page.waitForURL(server.url + "/p/" + post.id);
    await page.getByText(post.text.slice(0, 40)).first().waitFor();
    await page.context().close();

    // A phone: one column that fits, nothing wider than the screen.
    const phone = await b.openPhone(browser);
    await phone.goto(server.url + "/");
    await b.waitFor(phone, async () => (await phone.getByRole("article").count()) === PAGE, "posts on a phone");
    await phone.getByText(/needs WebGL 2/).waitFor();
    await imagesLoad(phone);
    const widths = await phone.evaluate(() => ({page: document.documentElement.scrollWidth, screen: innerWidth,
                                                widest: Math.max(...[...document.querySelectorAll("article")]
                                                  .map((a) => a.getBoundingClientRect().right))}));
    assert.ok(widths.page <= widths.screen, `no sideways scrolling (${widths.page} > ${widths.screen})`);
    assert.ok(widths.widest <= widths.screen, "every post fits the screen");
    await b.screenshot(phone, "no-webgl-phone");
    assert.deepEqual(phone.consoleErrors, []);
    await phone.context().close();
  } finally {
    await browser.close();
  }
});

test("when the API is down the HTML feed says so, and Retry loads it", async () => {
  const browser = await b.launch({args: NO_WEBGL});
  try {
    const page = await b.openPage(browser);
    await page.route("**/api/v1/posts?*", (route) => route.abort("connectionrefused"));
    await page.goto(server.url + "/");
    const alert = page.getByRole("alert");
    await alert.getByText(/Couldn't load the feed: the server could not be reached/).waitFor();
    await page.unroute("**/api/v1/posts?*");
    await alert.getByRole("button", {name: "Retry"}).click();
    await b.waitFor(page, async () => (await page.getByRole("article").count()) === PAGE, "the feed after Retry");
    assert.equal(await alert.isVisible(), false, "the error is gone");
    await page.context().close();
  } finally {
    await browser.close();
  }
});

test("without WebAssembly the same feed shows; user text stays text; the author's alt text is used", async () => {
  // A post with hostile text and an image described by its author, made through the API.
  const login = await (await fetch(server.url + "/api/v1/auth/login", {method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({username: "ada", password: DEMO_PASSWORD})})).json();
  const auth = {Authorization: "Bearer " + login.access_token};
  const withImage = (await apiPage()).items.find((p) => p.media);
  const bytes = Buffer.from(await (await fetch(server.url + withImage.media.url)).arrayBuffer());
  const media = await (await fetch(server.url + "/api/v1/media", {method: "POST", body: bytes,
    headers: {...auth, "Content-Type": "image/jpeg"}})).json();
  const hostile = "</p><img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> & <b>bold</b>?";
  const alt = "A test picture, described by its author";
  const created = await fetch(server.url + "/api/v1/posts", {method: "POST", headers: {...auth, "Content-Type": "application/json"},
    body: JSON.stringify({text: hostile, media_id: media.media.id, alt_text: alt})});
  assert.equal(created.status, 201, await created.clone().text());

  const browser = await b.launch({args: NO_WASM});
  try {
    const page = await b.openPage(browser);
    const requests = recordRequests(page);
    await page.goto(server.url + "/");
    assert.equal(await page.evaluate(() => typeof WebAssembly), "undefined", "this browser has no WebAssembly");
    await page.getByText(/needs WebGL 2 and WebAssembly/).waitFor();
    const first = await apiPage();
    await b.waitFor(page, async () => (await page.getByRole("article").count()) === PAGE, "the first page of posts");
    assertMatches(await readArticles(page), first.items);

    const top = page.getByRole("article").first();
    assert.equal(await top.locator(".hf-text").textContent(), hostile, "shown as the characters typed");
    assert.equal(await top.locator(".hf-text *").count(), 0, "no element made from it");
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "nothing of it ran");
    assert.equal(await top.getByRole("img").getAttribute("alt"), alt);
    assert.ok(await top.getByRole("img", {name: alt}).isVisible());

    await page.getByRole("button", {name: "Load more"}).click();
    await b.waitFor(page, async () => (await page.getByRole("article").count()) === POSTS + 1, "the second page");
    const ids = (await readArticles(page)).map((s) => s.open);
    assert.equal(new Set(ids).size, ids.length, "no duplicates");
    assert.ok(!requests.some((u) => /\.wasm$/.test(u)), "no wasm downloaded");
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  } finally {
    await browser.close();
    await fetch(server.url + "/api/v1/posts/" + (await created.json()).post.id, {method: "DELETE", headers: auth});
  }
});

test("a .wasm this browser cannot compile also falls back to the HTML feed", async () => {
  const browser = await b.launch();
  try {
    const page = await b.openPage(browser);
    // A module with a valid header and a truncated section: WebAssembly.CompileError.
    await page.route(/skyloom\.[0-9a-f]+\.wasm$/, (route) => route.fulfill({
      status: 200, contentType: "application/wasm", body: Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 0xff])}));
    await page.goto(server.url + "/");
    await page.getByText(/could not start in this browser: it needs WebGL 2 and WebAssembly/).waitFor();
    await b.waitFor(page, async () => (await page.getByRole("article").count()) === PAGE, "the HTML feed");
    assertMatches(await readArticles(page), (await apiPage()).items);
    assert.equal(await page.locator("#canvas").isVisible(), false);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  } finally {
    await browser.close();
  }
});

test("the early feed (when on) paints a visitor's Explore as HTML, then the app takes over", async () => {
  const browser = await b.launch();
  try {
    // Off by default: the app's normal start never fetches the HTML feed.
    const plain = await b.openPage(browser);
    const requests = recordRequests(plain);
    await plain.goto(server.url + "/");
    await b.waitFor(plain, async () => ((await b.state(plain)) || {feed: {posts: []}}).feed.posts.length > 0, "the app's Explore");
    assert.ok(!requests.some((u) => u.includes("html-feed.")), "no html-feed.js by default");
    await plain.context().close();

    const page = await b.openPage(browser);
    await page.addInitScript(() => { window.skyloomEarlyFeed = 0; });  // at once, not after 500 ms
    // Hold the .wasm back until the HTML feed is checked, so the order is certain.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/skyloom\.[0-9a-f]+\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(server.url + "/");
    const overlay = page.locator("#html-feed");
    await b.waitFor(page, async () => (await page.getByRole("article").count()) === EARLY_PAGE, "the HTML feed while the app loads");
    const shown = await readArticles(page);
    const top = (await apiPage()).items;
    assert.equal(shown[0].open, server.url + "/#/post/" + top[0].id, "links lead into the app");
    assert.equal(shown[0].authorHref, server.url + "/#/u/" + top[0].author.username);
    assert.equal(await page.getByText(/needs WebGL 2/).count(), 0, "no fallback note while the app loads");
    // Pictures are boxes of their size (the .wasm gets the bandwidth), still named.
    const boxes = page.getByRole("article").getByRole("img");
    assert.equal(await boxes.count(), top.slice(0, EARLY_PAGE).filter((p) => p.media).length);
    for (const name of await boxes.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label"))))
      assert.ok(name && name.trim().length > 0, "each picture has a name");
    assert.equal(await page.locator("#html-feed img").count(), 0, "no image downloads");
    await b.screenshot(page, "early-feed-desktop");
    release();

    const s = await b.waitFor(page, async () => {
      const st = await b.state(page);
      return st && st.route === "feed" && st.feed.posts.length > 0 && st;
    }, "the app's Explore");
    await b.waitFor(page, async () => (await overlay.count()) === 0, "the overlay gone");
    assert.equal(s.user, null);
    assert.ok(await page.evaluate(() => document.getElementById("loader").classList.contains("done")));
    await b.findItem(page, "Sign in", "button");
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  } finally {
    await browser.close();
  }
});
