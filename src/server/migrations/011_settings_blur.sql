-- Issue 6: "users can turn the blur off in settings". Absent row or column default: blur on.
ALTER TABLE user_settings ADD COLUMN blur_sensitive INTEGER NOT NULL DEFAULT 1;
