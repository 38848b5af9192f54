-- AI features (issue 6): the log of every model call and each user's private chat history.

-- One row per AI request that reached a model (autofill, chat; classify for the image
-- classifier), successful or not. Rows belong to one user and are only ever read by them.
CREATE TABLE inferences (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind           TEXT    NOT NULL CHECK (kind IN ('classify', 'autofill', 'chat')),
  input          TEXT    NOT NULL,
  output         TEXT    NOT NULL DEFAULT '',
  provider       TEXT    NOT NULL,          -- builtin | hf | openai | ...
  model          TEXT    NOT NULL DEFAULT '',
  status         TEXT    NOT NULL CHECK (status IN ('ok', 'error', 'cancelled')),
  error_code     TEXT,                      -- the API error code when status = 'error'
  latency_ms     INTEGER NOT NULL,          -- request start to last token
  first_token_ms INTEGER,                   -- request start to first token; NULL: none came
  created_at     INTEGER NOT NULL
);
CREATE INDEX inferences_user ON inferences(user_id, id DESC);

-- Chat with the persona. Each exchange (the user's message and the reply) points at the
-- inference that produced it, so deleting that log entry forgets the exchange too.
CREATE TABLE chat_messages (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  inference_id INTEGER REFERENCES inferences(id) ON DELETE CASCADE,
  role         TEXT    NOT NULL CHECK (role IN ('user', 'assistant')),
  content      TEXT    NOT NULL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX chat_messages_user ON chat_messages(user_id, id DESC);
CREATE INDEX chat_messages_inference ON chat_messages(inference_id);
