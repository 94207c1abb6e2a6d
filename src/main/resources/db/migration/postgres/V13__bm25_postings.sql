-- BM25 statistics kept at ingest, so that a lexical search reads them instead of counting them.
--
-- Before this, each search counted every query lexeme's document frequency with the GIN index,
-- the corpus size and mean length with a scan of all chunks, and unnested the whole tsvector of
-- every chunk matching any lexeme to find the query lexemes' frequencies in it: 150 ms and more per
-- question on 20k chunks (SaudiNewsNet headlines: common words match thousands of chunks).
--
-- Now: one row per (lexeme, chunk) with the lexeme's frequency in the chunk and the chunk's length
-- (an inverted index with BM25's inputs; the primary key covers the search, so it is read by index
-- only scans), and one row with the corpus size and total length. A lexeme's document frequency is
-- the number of its rows. Triggers on chunks keep both in step with every insert and delete, in the
-- same transaction, whichever statement made it (putAll, delete, ON DELETE CASCADE from articles).
-- Scores are the same as before to the last digit: same lexemes, same frequencies, same lengths.

CREATE TABLE bm25_postings (
    lexeme     text    NOT NULL,
    article_id text    NOT NULL,
    ordinal    integer NOT NULL,
    -- occurrences of the lexeme in the chunk (its positions; 1 for a lexeme stored without them)
    tf         integer NOT NULL,
    -- the chunk's length in tokens (chunks.tokens), repeated here so scoring needs no join
    tokens     integer NOT NULL,
    PRIMARY KEY (lexeme, article_id, ordinal) INCLUDE (tf, tokens)
);

-- One row, updated by deferred triggers: at commit, when the transaction has taken every other
-- lock it needs, so concurrent ingests queue on it only for the length of a commit and can never
-- deadlock on it (whoever holds it waits for nothing else).
CREATE TABLE bm25_corpus (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    chunks    bigint  NOT NULL CHECK (chunks >= 0),
    tokens    bigint  NOT NULL CHECK (tokens >= 0)
);

INSERT INTO bm25_corpus (chunks, tokens) SELECT count(*), coalesce(sum(tokens), 0) FROM chunks;

INSERT INTO bm25_postings (lexeme, article_id, ordinal, tf, tokens)
SELECT u.lexeme, c.article_id, c.ordinal, coalesce(array_length(u.positions, 1), 1), c.tokens
FROM chunks c, unnest(c.tsv) AS u;

-- The trigger functions name their tables with the archive's schema (Flyway's default schema):
-- a trigger runs with the search_path of whoever inserts, which need not be this schema.
CREATE FUNCTION bm25_chunk_added() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO "${flyway:defaultSchema}".bm25_postings (lexeme, article_id, ordinal, tf, tokens)
    SELECT u.lexeme, NEW.article_id, NEW.ordinal, coalesce(array_length(u.positions, 1), 1), NEW.tokens
    FROM unnest(NEW.tsv) AS u;
    RETURN NULL;
END
$$;

CREATE FUNCTION bm25_chunk_removed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM "${flyway:defaultSchema}".bm25_postings
    WHERE lexeme = ANY (tsvector_to_array(OLD.tsv)) AND article_id = OLD.article_id AND ordinal = OLD.ordinal;
    RETURN NULL;
END
$$;

CREATE FUNCTION bm25_chunk_replaced() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM "${flyway:defaultSchema}".bm25_postings
    WHERE lexeme = ANY (tsvector_to_array(OLD.tsv)) AND article_id = OLD.article_id AND ordinal = OLD.ordinal;
    INSERT INTO "${flyway:defaultSchema}".bm25_postings (lexeme, article_id, ordinal, tf, tokens)
    SELECT u.lexeme, NEW.article_id, NEW.ordinal, coalesce(array_length(u.positions, 1), 1), NEW.tokens
    FROM unnest(NEW.tsv) AS u;
    RETURN NULL;
END
$$;

-- The corpus row: chunks and tokens added (+1) or removed (-1), applied at commit.
CREATE FUNCTION bm25_corpus_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE "${flyway:defaultSchema}".bm25_corpus SET chunks = chunks + 1, tokens = tokens + NEW.tokens;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE "${flyway:defaultSchema}".bm25_corpus SET chunks = chunks - 1, tokens = tokens - OLD.tokens;
    ELSE
        UPDATE "${flyway:defaultSchema}".bm25_corpus SET tokens = tokens - OLD.tokens + NEW.tokens;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER chunks_bm25_corpus AFTER INSERT OR DELETE OR UPDATE ON chunks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bm25_corpus_changed();

CREATE TRIGGER chunks_bm25_added AFTER INSERT ON chunks FOR EACH ROW EXECUTE FUNCTION bm25_chunk_added();
CREATE TRIGGER chunks_bm25_removed AFTER DELETE ON chunks FOR EACH ROW EXECUTE FUNCTION bm25_chunk_removed();
-- Chunks are never updated in place (a new version of an article deletes its chunks and inserts
-- new ones); should one be, its statistics must follow.
CREATE TRIGGER chunks_bm25_changed AFTER UPDATE ON chunks FOR EACH ROW
    WHEN (OLD.tsv IS DISTINCT FROM NEW.tsv OR OLD.article_id IS DISTINCT FROM NEW.article_id
          OR OLD.ordinal IS DISTINCT FROM NEW.ordinal)
    EXECUTE FUNCTION bm25_chunk_replaced();
