-- Okapi BM25 (k1 1.2, b 0.75: Lucene's defaults) from the statistics kept at ingest (V13): each
-- query lexeme's document frequency is the number of its postings, its frequency in a chunk and
-- the chunk's length are in the posting, so only the postings of the query's lexemes are read
-- (index only), never the chunks' tsvectors. The corpus row is read with LIMIT 1 so that the
-- planner counts one row. A lexeme without postings is in no chunk and drops out; only stop
-- words: no rows. OFFSET 0 keeps the per-lexeme index scan: unnested, the planner may sort all
-- postings.
WITH corpus AS (
    SELECT chunks::float8 AS n, greatest(tokens::float8 / greatest(chunks, 1), 1) AS avg_tokens
    FROM {bm25_corpus} LIMIT 1),
idf AS MATERIALIZED (
    SELECT t.lexeme, ln(1 + (corpus.n - df.n + 0.5) / (df.n + 0.5)) AS idf
    FROM unnest(tsvector_to_array(to_tsvector(?::regconfig, ?))) AS t (lexeme) CROSS JOIN corpus
    CROSS JOIN LATERAL (SELECT count(*)::float8 AS n FROM {bm25_postings} d WHERE d.lexeme = t.lexeme) df
    WHERE df.n > 0),
scored AS (
    SELECT p.article_id, p.ordinal,
           sum(idf.idf * p.tf * (1.2 + 1) / (p.tf + 1.2 * (1 - 0.75 + 0.75 * p.tokens / corpus.avg_tokens))) AS score
    FROM idf CROSS JOIN corpus
    CROSS JOIN LATERAL (SELECT * FROM {bm25_postings} p WHERE p.lexeme = idf.lexeme OFFSET 0) p
    {filter-join}
    GROUP BY p.article_id, p.ordinal ORDER BY score DESC, p.article_id, p.ordinal LIMIT ?)
SELECT {hit-columns}, c.ordinal, c.text, s.score FROM scored s
JOIN {chunks} c ON c.article_id = s.article_id AND c.ordinal = s.ordinal
JOIN {articles} a ON a.id = s.article_id
ORDER BY s.score DESC, s.article_id, s.ordinal
