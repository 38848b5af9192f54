-- Alt text: the author's description of a post's image, for screen readers (issue 6: the
-- composer prefills a draft from the AI labels). Per post, not per media: the same bytes can
-- appear in two posts that describe them differently.
ALTER TABLE posts ADD COLUMN alt_text TEXT;
