// Reads the server's outbox (--mailer outbox writes one .eml per message into DATA/outbox).
"use strict";
const fs = require("fs");
const path = require("path");

// Newest 6-digit code sent to `email` whose subject matches `subject` (e.g. /verification/).
function latestCode(outbox, email, subject) {
  if (!fs.existsSync(outbox)) return null;
  const files = fs.readdirSync(outbox).filter((f) => f.endsWith(".eml"))
    .map((f) => ({f, t: fs.statSync(path.join(outbox, f)).mtimeMs})).sort((a, b) => a.t - b.t || a.f.localeCompare(b.f));
  let code = null;
  for (const {f} of files) {
    const text = fs.readFileSync(path.join(outbox, f), "utf8");
    if (!text.toLowerCase().includes(email.toLowerCase())) continue;
    const subj = /^Subject: (.*)$/mi.exec(text);
    if (subject && !(subj && subject.test(subj[1]))) continue;
    const m = /code is (\d{6})/.exec(text) || /(\d{6})/.exec(subj ? subj[1] : "");
    if (m) code = m[1];
  }
  return code;
}

module.exports = {latestCode};
