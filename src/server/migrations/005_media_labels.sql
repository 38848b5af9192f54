-- AI labels per image (issue 6): the classifier's top-5 as JSON [{"label":..,"probability":..}]
-- and whether the image is sensitive (Porn + Hentai + Sexy >= 0.6), set by the server at upload.
ALTER TABLE media ADD COLUMN labels TEXT NOT NULL DEFAULT '[]';
ALTER TABLE media ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;
