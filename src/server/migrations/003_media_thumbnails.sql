-- A 320 px thumbnail per image (itself a media file, content-addressed) for fast feed loading.
ALTER TABLE media ADD COLUMN thumb_id TEXT;
