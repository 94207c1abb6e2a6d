-- The story an article tells (issue 3): the id of the earliest stored article of that story when
-- this one is a near copy of it (a wire story re-edited by another outlet), else its own id.
-- Nullable and without a default on purpose: adding it rewrites nothing, however large the archive,
-- and rows stored before it (NULL) read as their own story (coalesce(story_id, id)).
-- Not a foreign key: deleting the first article of a story leaves its copies grouped all the same.
ALTER TABLE articles ADD COLUMN story_id text;
