-- The article-level lexical ranking's statistics kept at ingest, as V13 keeps the chunks'.
--
-- The article ranking scores articles as BM25 documents: an article's length is the sum of its
-- chunks' lengths, the corpus the articles with chunks in the question's text search
-- configuration. Counting that corpus read every chunk of the archive on every question (at 100k
-- chunks, two thirds of a 470 ms query, and 503s under load); summing each matched article's
-- chunks read them again. Now one row per (article, configuration) holds its chunk count and
-- length, kept in step by statement-level triggers on chunks in the same transaction, whichever
-- statement changed them (putAll, delete, ON DELETE CASCADE from articles). The figures are the
-- same sums as before, so scores stay the same to the last digit.

CREATE TABLE bm25_article_lengths (
    article_id text      NOT NULL,
    ts_config  regconfig NOT NULL,
    chunks     integer   NOT NULL CHECK (chunks > 0),
    tokens     bigint    NOT NULL CHECK (tokens >= 0),
    PRIMARY KEY (article_id, ts_config)
);

CREATE INDEX bm25_article_lengths_config_idx ON bm25_article_lengths (ts_config) INCLUDE (tokens);

INSERT INTO bm25_article_lengths (article_id, ts_config, chunks, tokens)
SELECT article_id, ts_config, count(*), coalesce(sum(tokens), 0) FROM chunks GROUP BY article_id, ts_config;

-- Removed chunks first, then added ones. A row all of whose chunks went is deleted before the
-- others are decremented, so that a decremented row is never taken for an emptied one.
CREATE FUNCTION bm25_article_lengths_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        DELETE FROM "${flyway:defaultSchema}".bm25_article_lengths l
        USING (SELECT article_id, ts_config, count(*) AS chunks FROM old_chunks GROUP BY article_id, ts_config) gone
        WHERE l.article_id = gone.article_id AND l.ts_config = gone.ts_config AND l.chunks <= gone.chunks;
        UPDATE "${flyway:defaultSchema}".bm25_article_lengths l
        SET chunks = l.chunks - gone.chunks, tokens = l.tokens - gone.tokens
        FROM (SELECT article_id, ts_config, count(*) AS chunks, coalesce(sum(tokens), 0) AS tokens
              FROM old_chunks GROUP BY article_id, ts_config) gone
        WHERE l.article_id = gone.article_id AND l.ts_config = gone.ts_config AND l.chunks > gone.chunks;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO "${flyway:defaultSchema}".bm25_article_lengths AS l (article_id, ts_config, chunks, tokens)
        SELECT article_id, ts_config, count(*), coalesce(sum(tokens), 0) FROM new_chunks GROUP BY article_id, ts_config
        ON CONFLICT (article_id, ts_config)
        DO UPDATE SET chunks = l.chunks + excluded.chunks, tokens = l.tokens + excluded.tokens;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER chunks_article_lengths_added AFTER INSERT ON chunks
    REFERENCING NEW TABLE AS new_chunks FOR EACH STATEMENT EXECUTE FUNCTION bm25_article_lengths_changed();
CREATE TRIGGER chunks_article_lengths_removed AFTER DELETE ON chunks
    REFERENCING OLD TABLE AS old_chunks FOR EACH STATEMENT EXECUTE FUNCTION bm25_article_lengths_changed();
CREATE TRIGGER chunks_article_lengths_changed AFTER UPDATE ON chunks
    REFERENCING OLD TABLE AS old_chunks NEW TABLE AS new_chunks FOR EACH STATEMENT EXECUTE FUNCTION bm25_article_lengths_changed();
