// A tiny static file server for web/dist, used only when build/native/bin/skyloom-server has
// not been built yet. API calls answer like the real server's "not found" error shape.
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".json": "application/json", ".otf": "font/otf", ".ttf": "font/ttf", ".png": "image/png",
  ".svg": "image/svg+xml",
};

function startStaticServer(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname.startsWith("/api/")) {
      res.writeHead(404, {"Content-Type": "application/json"});
      res.end(JSON.stringify({error: {code: "not_found", message: "No API on the static test server."}}));
      return;
    }
    const rel = url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) { res.writeHead(403); res.end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, {"Content-Type": "text/plain"}); res.end("not found"); return; }
      res.writeHead(200, {"Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
                          "Cache-Control": "no-cache"});
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address();
      resolve({url: `http://127.0.0.1:${port}`, outbox: null, stop: () => new Promise((r) => server.close(r)),
               kind: "static"});
    });
  });
}

module.exports = {startStaticServer};
