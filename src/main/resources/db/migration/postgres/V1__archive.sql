-- The NewsQA archive: articles, their chunks with one vector and one full-text vector each, and
-- the embedding model the vectors came from. Placeholder: ${dimension} (vector size).

-- pgvector needs a superuser to create. Provisioning normally did it; trying here lets a first
-- start as superuser work too. An ordinary role cannot, which is fine when it already exists: if
-- it does not, the CREATE TABLE below fails and the application says what to do.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
        CREATE EXTENSION vector WITH SCHEMA public;
    END IF;
EXCEPTION
    WHEN OTHERS THEN
        RAISE NOTICE 'could not create the pgvector extension (%): a superuser must run CREATE EXTENSION vector', SQLERRM;
END
$$;

-- One row: vectors of different models are not comparable, so an archive belongs to one model.
CREATE TABLE archive_meta (
    singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    embedding_model text    NOT NULL,
    dimension       integer NOT NULL CHECK (dimension > 0)
);

CREATE TABLE articles (
    id               text PRIMARY KEY,
    url              text UNIQUE,
    title            text NOT NULL,
    source           text,
    published_at     timestamptz,
    -- timestamptz keeps the instant only; the offset the source wrote ("+03:00") is kept here.
    published_offset text,
    language         text NOT NULL,
    content_hash     text NOT NULL,
    body             text NOT NULL,
    ingested_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((published_at IS NULL) = (published_offset IS NULL))
);

CREATE INDEX articles_content_hash_idx ON articles (content_hash);
CREATE INDEX articles_published_at_idx ON articles (published_at);

CREATE TABLE chunks (
    article_id  text    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL CHECK (ordinal >= 0),
    text        text    NOT NULL,
    -- the text after Arabic spelling normalisation; what full-text search reads
    search_text text    NOT NULL,
    -- arabic, english or simple, from the article's language
    ts_config   regconfig NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (to_tsvector(ts_config, search_text)) STORED,
    embedding   vector(${dimension}) NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);

CREATE INDEX chunks_embedding_hnsw_idx ON chunks USING hnsw (embedding vector_cosine_ops);
CREATE INDEX chunks_tsv_gin_idx ON chunks USING gin (tsv);
