-- Each term's lexemes share its weight; a lexeme from several terms adds their weights. The score
-- is the sum of weight x ts_rank of each lexeme alone (ts_rank has no query weights of its own),
-- normalised by length. Only chunks analysed as the terms' language.
WITH {weighted-words},
weighted AS (
    SELECT {quoted-lexeme}::tsquery AS query, sum(weight) AS weight FROM words GROUP BY lexeme),
any_word AS (SELECT string_agg(query::text, ' | ')::tsquery AS query FROM weighted)
SELECT {hit-columns}, c.ordinal, c.text,
       (SELECT sum(w.weight * ts_rank(c.tsv, w.query, 1)) FROM weighted w) AS score
FROM {chunks} c JOIN {articles} a ON a.id = c.article_id, any_word
WHERE c.tsv @@ any_word.query AND c.ts_config = ?::regconfig{filter}
ORDER BY score DESC, c.article_id, c.ordinal LIMIT ?
