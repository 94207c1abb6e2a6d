-- Okapi BM25 (k1 1.2, b 0.75) with articles as the documents, computed from their chunks: a
-- word's frequency in an article is the sum over its chunks, an article's length the sum of its
-- chunks' lengths (a sentence two chunks share counts twice), the document frequency the number
-- of articles with a chunk holding the word; statistics of the articles analysed as the terms'
-- language. Plus {title-weight} times BM25 of the title with titles as the documents (V15: the
-- title's tsvector and length on the article); an article may match by its title alone.
-- Which articles hold a word, and how often each chunk does, are read from the postings (V13; the
-- same lexemes and counts as the chunks' tsvectors), an article's language from the lengths kept
-- at ingest (V16; an article's chunks share its text search configuration), and the articles'
-- lengths and the corpus from those too, so that no chunk row is read: fetching every matched
-- chunk, or every chunk of the archive, took most of a second at 100k chunks.
WITH {weighted-words},
weighted AS (
    SELECT lexeme, {quoted-lexeme}::tsquery AS tq, sum(weight) AS weight FROM words GROUP BY lexeme),
corpus AS (
    SELECT count(*) AS n, greatest(sum(tokens)::float8 / greatest(count(*), 1), 1) AS avg_tokens
    FROM {bm25_article_lengths} WHERE ts_config = ?::regconfig),
idf AS (
    SELECT w.lexeme, w.weight, ln(1 + (corpus.n - df.n + 0.5) / (df.n + 0.5)) AS idf
    FROM weighted w CROSS JOIN corpus CROSS JOIN LATERAL (
        SELECT count(DISTINCT p.article_id) AS n FROM {bm25_postings} p
        JOIN {bm25_article_lengths} l ON l.article_id = p.article_id AND l.ts_config = ?::regconfig
        WHERE p.lexeme = w.lexeme) df),
any_word AS (SELECT string_agg(tq::text, ' | ')::tsquery AS query FROM weighted),
matched AS (
    SELECT DISTINCT p.article_id FROM weighted w
    CROSS JOIN LATERAL (SELECT p.article_id FROM {bm25_postings} p WHERE p.lexeme = w.lexeme OFFSET 0) p
    JOIN {bm25_article_lengths} l ON l.article_id = p.article_id
    JOIN {articles} a ON a.id = p.article_id
    WHERE l.ts_config = ?::regconfig{filter}),
article_tf AS (
    SELECT p.article_id, p.lexeme, sum(p.tf) AS n
    FROM weighted w
    CROSS JOIN LATERAL (SELECT * FROM {bm25_postings} p WHERE p.lexeme = w.lexeme OFFSET 0) p
    JOIN matched m ON m.article_id = p.article_id GROUP BY p.article_id, p.lexeme),
article_length AS (
    SELECT m.article_id, sum(l.tokens) AS tokens FROM matched m
    JOIN {bm25_article_lengths} l ON l.article_id = m.article_id GROUP BY m.article_id),
body_score AS (
    SELECT tf.article_id,
           sum(idf.weight * idf.idf * tf.n * (1.2 + 1) / (tf.n + 1.2 * (1 - 0.75 + 0.75 * l.tokens / avg_tokens))) AS score
    FROM article_tf tf JOIN idf ON idf.lexeme = tf.lexeme
    JOIN article_length l ON l.article_id = tf.article_id CROSS JOIN corpus GROUP BY tf.article_id),
titles AS (
    SELECT count(*) AS n, greatest(sum(title_tokens)::float8 / greatest(count(*), 1), 1) AS avg_tokens
    FROM {articles} WHERE title_config = ?::regconfig AND title_tokens > 0),
title_idf AS (
    SELECT w.lexeme, w.weight, ln(1 + (titles.n - df.n + 0.5) / (df.n + 0.5)) AS idf
    FROM weighted w CROSS JOIN titles CROSS JOIN LATERAL (
        SELECT count(*) AS n FROM {articles} t
        WHERE t.title_tsv @@ w.tq AND t.title_config = ?::regconfig) df),
title_tf AS (
    SELECT a.id AS article_id, u.lexeme, coalesce(array_length(u.positions, 1), 1) AS n, a.title_tokens AS tokens
    FROM {articles} a, any_word, unnest(a.title_tsv) u
    WHERE a.title_tsv @@ any_word.query AND a.title_config = ?::regconfig{filter}
    AND u.lexeme IN (SELECT lexeme FROM weighted)),
title_score AS (
    SELECT tf.article_id,
           {title-weight} * sum(idf.weight * idf.idf * tf.n * (1.2 + 1) / (tf.n + 1.2 * (1 - 0.75 + 0.75 * tf.tokens / avg_tokens))) AS score
    FROM title_tf tf JOIN title_idf idf ON idf.lexeme = tf.lexeme
    CROSS JOIN titles GROUP BY tf.article_id)
SELECT article_id, sum(score) AS score
FROM (SELECT * FROM body_score UNION ALL SELECT * FROM title_score) s
GROUP BY article_id ORDER BY score DESC, article_id LIMIT ?
