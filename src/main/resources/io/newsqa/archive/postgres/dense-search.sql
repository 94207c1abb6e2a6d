-- The chunks nearest to a vector by cosine distance (HNSW). With the iterative scan in relaxed
-- order rows may come slightly out of order, so the outer query sorts the few rows found again.
WITH nearest AS MATERIALIZED (
    SELECT {hit-columns}, c.ordinal, c.text, c.embedding <=> ? AS distance
    FROM {chunks} c JOIN {articles} a ON a.id = c.article_id
    WHERE true{filter}
    ORDER BY distance LIMIT ?)
SELECT * FROM nearest ORDER BY distance, id, ordinal
