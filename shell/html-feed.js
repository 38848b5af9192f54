// The public feed as plain HTML (issue 11, item 4), for browsers that cannot run the app (no
// WebGL 2, no WebAssembly, or a .wasm that fails to compile) and, optionally, painted for a
// visitor while the app loads. The shell (shell/index.html) loads this file only when it needs
// it, so the app's normal start does not pay for it.
//
//   var feed = SkyloomHtmlFeed.start({
//     mode: "fallback",          // "fallback": the page itself; "early": an overlay the shell
//                                //   removes once the app shows its own feed
//     reason: "webgl2",          // fallback only: "webgl2" | "wasm" (no WebAssembly) |
//                                //   "compile" (the .wasm did not compile or link here)
//     config: promise,           // optional: config.json as the shell already fetched it
//   });
//   feed.setProgress(0.4, "Loading… 120 KB of 300 KB");  // early mode: the app's download
//   feed.remove();
//
// Everything a user wrote goes into the page through textContent and attributes only, never
// innerHTML. Written in ES5 with fetch: a browser without WebAssembly may be an old one (or one
// with JIT turned off, like iOS Lockdown Mode, where WebAssembly is missing too).
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  var EARLY_PAGE_SIZE = 10;      // a screenful while the app loads: fewer bytes beside the .wasm
  var FETCH_TIMEOUT_MS = 15000;
  var COLUMN_PX = 600;           // the column's widest image, for the images' `sizes`
  var RELATIVE_DAYS = 7;         // newer than this reads "3 h ago"; older shows the date
  var ROOT_ID = "html-feed";

  // Its look is in shell.css (the page's stylesheet): the CSP allows no injected <style>.

  // ---- small DOM helpers: every user string goes through textContent or setAttribute --------

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function trimSlashes(s) {
    s = String(s || "");
    while (s.length && s.charAt(s.length - 1) === "/") s = s.slice(0, -1);
    return s;
  }

  // ---- times: "5 min ago" for the last week, the date after that; the full time on hover ----

  function readableTime(date, now) {
    var seconds = (now - date.getTime()) / 1000;
    var units = [["day", 86400], ["hour", 3600], ["minute", 60]];
    if (seconds >= 0 && seconds < RELATIVE_DAYS * 86400) {
      if (seconds < 60) return "just now";
      for (var i = 0; i < units.length; i++) {
        if (seconds < units[i][1]) continue;
        var n = Math.floor(seconds / units[i][1]);
        if (typeof Intl === "object" && Intl.RelativeTimeFormat)
          return new Intl.RelativeTimeFormat(undefined, {numeric: "auto"}).format(-n, units[i][0]);
        return n + " " + units[i][0] + (n === 1 ? "" : "s") + " ago";
      }
    }
    var sameYear = date.getFullYear() === new Date(now).getFullYear();
    return date.toLocaleDateString(undefined, sameYear ? {month: "short", day: "numeric"}
                                                       : {year: "numeric", month: "short", day: "numeric"});
  }

  // ---- fetch with a timeout and the API's error shape ----------------------------------------

  function getJson(url) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, FETCH_TIMEOUT_MS);
    return fetch(url, {credentials: "omit", signal: controller ? controller.signal : undefined})
      .then(function (r) {
        return r.json().catch(function () { return null; }).then(function (body) {
          if (timer) clearTimeout(timer);
          if (!r.ok) {
            var message = body && body.error && body.error.message;
            throw new Error(message || "the server answered " + r.status);
          }
          if (!body) throw new Error("the server's answer was not JSON");
          return body;
        });
      }, function (err) {
        if (timer) clearTimeout(timer);
        throw new Error(err && err.name === "AbortError" ? "the server took too long to answer"
                                                         : "the server could not be reached");
      });
  }

  // ---- one post ------------------------------------------------------------------------------

  // What a screen reader says for an image: the author's alt text, or what the app's canvas
  // names it (src/app/screens/post_card.cpp), with a meme's captions, which are its words.
  function altText(post) {
    var media = post.media;
    if (media.alt) return media.alt;
    var who = "@" + post.author.username;
    var captions = [];
    var boxes = (post.meme && post.meme.boxes) || [];
    for (var i = 0; i < boxes.length; i++) if (boxes[i] && boxes[i].text) captions.push(boxes[i].text);
    if (captions.length) return "Meme by " + who + ": " + captions.join(" / ");
    return (post.sensitive ? "Sensitive image by " : "Image by ") + who;
  }

  // ---- BlurHash placeholders (https://github.com/woltapp/blurhash, the decoder its README
  // specifies), shown until the picture arrives, as the app does --------------------------------

  var BASE83 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
  var PLACEHOLDER_PX = 32;  // decoded this wide, then stretched: it is a blur anyway

  function decode83(text) {
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = BASE83.indexOf(text.charAt(i));
      if (digit < 0) return -1;
      value = value * 83 + digit;
    }
    return value;
  }
  function toLinear(v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  function toSrgb(v) {
    v = Math.max(0, Math.min(1, v));
    return Math.round((v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255);
  }
  function signedSquare(v) { return (v < 0 ? -1 : 1) * v * v; }

  // A data: URL of the placeholder for a w x h picture, or "" (bad hash, no canvas).
  function placeholderUrl(hash, w, h) {
    if (typeof hash !== "string" || hash.length < 6 || !(w > 0 && h > 0)) return "";
    var size = decode83(hash.charAt(0));
    var nx = size % 9 + 1;
    var ny = Math.floor(size / 9) + 1;
    if (size < 0 || hash.length !== 4 + 2 * nx * ny) return "";
    var maxAc = (decode83(hash.charAt(1)) + 1) / 166;
    var dc = decode83(hash.slice(2, 6));
    if (maxAc <= 0 || dc < 0) return "";
    var colours = [[toLinear(dc >> 16), toLinear((dc >> 8) & 255), toLinear(dc & 255)]];
    for (var k = 1; k < nx * ny; k++) {
      var ac = decode83(hash.slice(4 + 2 * k, 6 + 2 * k));
      if (ac < 0) return "";
      colours.push([signedSquare((Math.floor(ac / 361) - 9) / 9) * maxAc,
                    signedSquare((Math.floor(ac / 19) % 19 - 9) / 9) * maxAc,
                    signedSquare((ac % 19 - 9) / 9) * maxAc]);
    }
    var pw = PLACEHOLDER_PX;
    var ph = Math.max(1, Math.round(PLACEHOLDER_PX * h / w));
    var canvas = document.createElement("canvas");
    var ctx = canvas.getContext && canvas.getContext("2d");
    if (!ctx) return "";
    canvas.width = pw;
    canvas.height = ph;
    var image = ctx.createImageData(pw, ph);
    for (var y = 0; y < ph; y++) {
      for (var x = 0; x < pw; x++) {
        var r = 0, g = 0, b = 0;
        for (var j = 0; j < ny; j++) {
          for (var i = 0; i < nx; i++) {
            var basis = Math.cos(Math.PI * x * i / pw) * Math.cos(Math.PI * y * j / ph);
            var c = colours[i + j * nx];
            r += c[0] * basis; g += c[1] * basis; b += c[2] * basis;
          }
        }
        var o = 4 * (x + y * pw);
        image.data[o] = toSrgb(r); image.data[o + 1] = toSrgb(g); image.data[o + 2] = toSrgb(b); image.data[o + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
    try { return canvas.toDataURL(); } catch (e) { return ""; }
  }

  function postImage(post, links) {
    var media = post.media;
    var figure = el("div", "hf-media");
    var placeholder = placeholderUrl(media.placeholder, media.width, media.height);
    if (placeholder) figure.style.backgroundImage = "url(" + placeholder + ")";
    if (links.early) {
      // While the app loads, its .wasm gets the bandwidth: the image is its placeholder at its
      // size, named for screen readers, and the app fetches the picture itself.
      var box = el("div", "hf-box");
      box.setAttribute("role", "img");
      box.setAttribute("aria-label", altText(post));
      if (media.width > 0 && media.height > 0) box.style.paddingTop = (100 * media.height / media.width) + "%";
      figure.appendChild(box);
      return figure;
    }
    var img = el("img");
    var full = links.api(media.url);
    img.src = full;
    if (media.thumb_url && media.thumb_url !== media.url && media.width > 320) {
      // The 320 px thumbnail serves a narrow phone at 1x; the stored image is at most 1000 px.
      img.srcset = links.api(media.thumb_url) + " 320w, " + full + " " + media.width + "w";
      img.sizes = "(max-width: " + (COLUMN_PX + 40) + "px) calc(100vw - 66px), " + COLUMN_PX + "px";
    }
    if (media.width > 0 && media.height > 0) {  // reserves the space: no layout shift on load
      img.width = media.width;
      img.height = media.height;
    }
    img.alt = altText(post);
    img.loading = "lazy";
    img.decoding = "async";
    figure.appendChild(img);
    if (post.sensitive) {  // blurred until asked for, as the app does
      figure.className += " hf-hidden";
      var reveal = el("button", "hf-reveal", "Show sensitive image");
      reveal.type = "button";
      reveal.addEventListener("click", function () {
        figure.className = "hf-media";
        figure.removeChild(reveal);
      });
      figure.appendChild(reveal);
    }
    return figure;
  }

  function postArticle(post, links, now) {
    var name = post.author.username;
    var article = el("article");
    var meta = el("div", "hf-meta");
    var author = el("a", "hf-author", "@" + name);
    author.href = links.user(name);
    meta.appendChild(author);
    var date = new Date(post.created_at);
    if (!isNaN(date.getTime())) {
      var time = el("time", "", readableTime(date, now));
      time.setAttribute("datetime", post.created_at);
      time.title = date.toLocaleString();
      meta.appendChild(time);
    }
    if (post.group && post.group.name) meta.appendChild(el("span", "", "in " + post.group.name));
    article.appendChild(meta);
    if (post.text) {
      var text = el("p", "hf-text", post.text);
      text.dir = "auto";  // Arabic or Hebrew reads right to left, as in the app
      article.appendChild(text);
    }
    if (post.media && post.media.url) article.appendChild(postImage(post, links));
    var open = el("a", "hf-open", "Open post");
    open.href = links.post(post.id);
    open.setAttribute("aria-label", "Open post by @" + name);
    article.appendChild(open);
    return article;
  }

  // ---- the page --------------------------------------------------------------------------------

  function note(reason) {
    var browsers = "an up-to-date Chrome, Edge, Firefox or Safari 15 or later";
    if (reason === "compile")
      return "A simple read-only view. The full Skyloom app (sign in, posting, memes, chat) could not start " +
             "in this browser: it needs WebGL 2 and WebAssembly; try " + browsers + ".";
    var needs = reason === "wasm" ? "WebGL 2 and WebAssembly" : "WebGL 2";
    return "A simple read-only view. The full Skyloom app (sign in, posting, memes, chat) needs " + needs +
           ", which this browser lacks or has turned off: try " + browsers +
           (reason === "wasm" ? "" : ", with hardware acceleration on") + ".";
  }

  function start(options) {
    options = options || {};
    var early = options.mode === "early";
    var root = el("div", early ? "hf-early" : "");
    root.id = ROOT_ID;

    var top = el("header", "hf-top");
    var topIn = el("div", "hf-top-in");
    var logo = el("div", "hf-logo", "S");
    logo.setAttribute("aria-hidden", "true");
    topIn.appendChild(logo);
    topIn.appendChild(el("div", "hf-brand", "Skyloom"));
    var progressText = el("div", "hf-progress", early ? "Loading the app…" : "");
    if (early) topIn.appendChild(progressText);
    top.appendChild(topIn);
    var bar = el("div", "hf-bar");
    var fill = el("div", "hf-fill");
    bar.appendChild(fill);
    if (early) top.appendChild(bar);
    root.appendChild(top);

    var main = el("main");
    main.appendChild(el("h1", "", "Explore"));
    if (!early) main.appendChild(el("p", "hf-note", note(options.reason)));
    var list = el("ol");
    list.setAttribute("aria-label", "Posts");
    main.appendChild(list);
    var status = el("p", "hf-status", "Loading posts…");
    status.setAttribute("role", "status");
    main.appendChild(status);
    var error = el("div", "hf-error");
    error.setAttribute("role", "alert");
    error.hidden = true;
    var errorText = el("span");
    var retry = el("button", "", "Retry");
    retry.type = "button";
    error.appendChild(errorText);
    error.appendChild(retry);
    main.appendChild(error);
    var more = el("button", "hf-more", "Load more");
    more.type = "button";
    more.hidden = true;
    main.appendChild(more);
    root.appendChild(main);
    document.body.appendChild(root);

    var removed = false;
    var seen = {};           // post ids on the page: a page boundary that moved never repeats one
    var cursor = null;       // the API's next_cursor; null before the first page and at the end
    var loading = false;
    var links = null;

    var config = options.config || fetch("config.json").then(function (r) { return r.ok ? r.json() : {}; })
                                                        .catch(function () { return {}; });
    var ready = Promise.resolve(config).then(function (c) {
      var base = trimSlashes(c && c.api_base);
      var origin = base || location.origin;  // the server: its API and its shared-link pages
      var absolute = function (path) { return new URL(origin + path, location.href).href; };
      links = {
        early: early,
        api: function (path) { return absolute(path); },
        // The fallback links to the server's pages, which work without the app; the early
        // overlay links into the app that is about to start.
        user: function (name) { return early ? "#/u/" + encodeURIComponent(name) : absolute("/u/" + encodeURIComponent(name)); },
        post: function (id) { return early ? "#/post/" + encodeURIComponent(id) : absolute("/p/" + encodeURIComponent(id)); },
      };
      return links;
    });

    // The live region stays in the page (a hidden one is not announced when it changes); an
    // empty one takes no room (CSS :empty).
    function setStatus(text) { status.textContent = text; }

    function load() {
      if (loading || removed) return;
      loading = true;
      error.hidden = true;
      more.disabled = true;
      setStatus(list.firstChild ? "Loading more posts…" : "Loading posts…");
      ready.then(function () {
        var limit = early && !list.firstChild ? EARLY_PAGE_SIZE : PAGE_SIZE;
        var url = links.api("/api/v1/posts?limit=" + limit + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
        return getJson(url);
      }).then(function (page) {
        loading = false;
        if (removed) return;
        var now = Date.now();
        var items = page.items || [];
        var added = 0;
        for (var i = 0; i < items.length; i++) {
          var post = items[i];
          if (!post || !post.id || seen[post.id] || !post.author) continue;
          seen[post.id] = true;
          var li = el("li");
          li.appendChild(postArticle(post, links, now));
          list.appendChild(li);
          added++;
        }
        cursor = page.next_cursor || null;
        more.hidden = !cursor;
        more.disabled = false;
        setStatus(!list.firstChild ? "No posts yet." : cursor ? "" : "You're all caught up.");
      }).catch(function (err) {
        loading = false;
        if (removed) return;
        setStatus("");
        errorText.textContent = "Couldn't load " + (list.firstChild ? "more posts" : "the feed") + ": " +
                                (err && err.message || err) + ".";
        error.hidden = false;
        more.hidden = true;
      });
    }

    more.addEventListener("click", load);
    retry.addEventListener("click", load);
    if (!early) {
      document.title = "Explore · Skyloom";
      document.documentElement.className += " html-feed";
    }
    load();

    return {
      root: root,
      setProgress: function (fraction, text) {
        fill.style.width = Math.max(0, Math.min(1, fraction)) * 100 + "%";
        if (text) progressText.textContent = text;
      },
      // Stops drawing (a late answer is dropped) and lets clicks through to what is beneath.
      leave: function () { root.className += " hf-leaving"; },
      remove: function () {
        removed = true;
        if (root.parentNode) root.parentNode.removeChild(root);
      },
      hasPosts: function () { return !!list.firstChild; },
      loadMore: load,
    };
  }

  window.SkyloomHtmlFeed = {start: start, altText: altText, readableTime: readableTime};
})();
