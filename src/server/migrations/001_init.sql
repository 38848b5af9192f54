-- Accounts, email codes, refresh-token families and text posts.
-- Times are Unix milliseconds (UTC); the API formats them as RFC 3339.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT    NOT NULL UNIQUE,   -- normalized to lowercase
  email         TEXT    NOT NULL UNIQUE,   -- normalized to lowercase
  password_hash TEXT    NOT NULL,          -- argon2id encoded string
  verified      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);

-- One live code per user and purpose; a new code replaces the old one.
CREATE TABLE email_codes (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose    TEXT    NOT NULL CHECK (purpose IN ('verify', 'reset')),
  code_hash  TEXT    NOT NULL,             -- keyed hash, never the code itself
  expires_at INTEGER NOT NULL,
  attempts   INTEGER NOT NULL DEFAULT 0,
  sent_at    INTEGER NOT NULL,
  PRIMARY KEY (user_id, purpose)
);

-- Refresh tokens rotate on every use; all tokens descending from one login share a family so
-- that replaying a rotated token can revoke the whole family.
CREATE TABLE refresh_tokens (
  token_hash TEXT    PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  family_id  TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  rotated_at INTEGER,                       -- set when exchanged for a newer token
  revoked    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id);

-- AUTOINCREMENT keeps ids strictly increasing (never reused after deletes), which the
-- keyset pagination cursor relies on.
CREATE TABLE posts (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  author_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  text       TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER
);
CREATE INDEX posts_author ON posts(author_id, id DESC);
