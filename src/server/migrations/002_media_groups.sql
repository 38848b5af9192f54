-- Images (content-addressed) and groups (categories); posts may carry one of each.

CREATE TABLE media (
  id          TEXT    PRIMARY KEY,           -- SHA-256 of the bytes, 64 lowercase hex chars
  owner_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
  mime        TEXT    NOT NULL,
  width       INTEGER NOT NULL,
  height      INTEGER NOT NULL,
  byte_size   INTEGER NOT NULL,
  placeholder TEXT    NOT NULL DEFAULT '',   -- BlurHash painted while the image loads
  created_at  INTEGER NOT NULL
);

CREATE TABLE groups (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT    NOT NULL,
  name_key    TEXT    NOT NULL UNIQUE,        -- lowercase name: names are unique ignoring case
  description TEXT    NOT NULL DEFAULT '',
  owner_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at  INTEGER NOT NULL
);

ALTER TABLE posts ADD COLUMN media_id TEXT REFERENCES media(id);
ALTER TABLE posts ADD COLUMN group_id INTEGER REFERENCES groups(id) ON DELETE SET NULL;
CREATE INDEX posts_group ON posts(group_id, id DESC);
CREATE INDEX posts_media ON posts(media_id);
