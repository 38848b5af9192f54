-- Issue 5: memes on posts, meme templates, subscriptions, notifications and their fan-out
-- queue, and per-user settings.

-- The meme spec (JSON, see src/core/meme/meme_spec.h) of a meme post; its rendering is
-- posts.media_id. The background image is kept apart so media GC never collects it.
ALTER TABLE posts ADD COLUMN meme TEXT;
ALTER TABLE posts ADD COLUMN meme_background_id TEXT;
CREATE INDEX posts_meme_background ON posts(meme_background_id)
  WHERE meme_background_id IS NOT NULL;

CREATE TABLE templates (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,   -- keyset cursor: never reused
  name       TEXT    NOT NULL,
  name_key   TEXT    NOT NULL,                    -- lowercase name, searched with LIKE
  media_id   TEXT    NOT NULL REFERENCES media(id),
  boxes      TEXT    NOT NULL,                    -- JSON array of default text boxes
  owner_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX templates_media ON templates(media_id);

-- subscriber follows creator. The creator index serves fan-out and subscriber counts.
CREATE TABLE subscriptions (
  subscriber_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  creator_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at    INTEGER NOT NULL,
  PRIMARY KEY (subscriber_id, creator_id)
) WITHOUT ROWID;
CREATE INDEX subscriptions_creator ON subscriptions(creator_id, subscriber_id);

-- Absent row: defaults (email notifications on).
CREATE TABLE user_settings (
  user_id             INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  email_notifications INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE notifications (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind       TEXT    NOT NULL CHECK (kind IN ('new_meme')),
  actor_id   INTEGER REFERENCES users(id) ON DELETE CASCADE,
  post_id    INTEGER REFERENCES posts(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  read_at    INTEGER,
  UNIQUE (user_id, post_id, kind)                 -- a replayed fan-out never notifies twice
);
CREATE INDEX notifications_user ON notifications(user_id, id DESC);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;

-- Durable fan-out queue: a row is written in the same transaction as its meme post and
-- advanced/removed in the same transaction that writes a batch of subscribers'
-- notifications, so a crash replays only the unfinished batch at the next start.
-- Jobs run in batches of subscribers; next_subscriber is where the next batch starts.
CREATE TABLE fanout_jobs (
  post_id         INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
  next_subscriber INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL
);
