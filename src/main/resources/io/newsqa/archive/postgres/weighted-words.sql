-- The lexemes of weighted terms in a language's analysis: each term's lexemes share its weight.
-- Parameters: the terms' texts, their weights, the text-search configuration.
words AS (
    SELECT lexeme, t.weight / count(*) OVER (PARTITION BY t.ord) AS weight
    FROM unnest(?::text[], ?::float8[]) WITH ORDINALITY AS t(text, weight, ord),
         unnest(tsvector_to_array(to_tsvector(?::regconfig, t.text))) AS lexeme)
