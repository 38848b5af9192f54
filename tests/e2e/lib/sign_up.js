// Signing up through the app's own form, as a person does: the sign-up screen, the code from
// the server's outbox, Verify. `d` is the page driver (lib/browser.js for Chromium, or
// lib/person.js for any engine): both have click, typeInto, waitForRoute, waitFor and state.
"use strict";
const {latestCode} = require("./outbox");

async function signUpInApp(d, page, {user, email, password, outbox}) {
  await d.click(page, "Sign up", "button");
  await d.waitForRoute(page, "signup");
  await d.typeInto(page, "Username", user);
  await d.typeInto(page, "Email", email);
  await d.typeInto(page, "Password", password);
  await d.click(page, "Create account", "button");
  await d.waitForRoute(page, "verify");
  const code = await d.waitFor(page, async () => latestCode(outbox, email, /verification/i), "the mailed code");
  await d.typeInto(page, "Verification code", code);
  await d.click(page, "Verify", "button");
  await d.waitFor(page, async () => {
    const s = await d.state(page);
    return s && s.user === user;
  }, "signed in");
}

module.exports = {signUpInApp};
