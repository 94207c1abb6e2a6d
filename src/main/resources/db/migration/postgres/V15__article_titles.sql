-- Titles searched as words: a news title names its story and its main actor, in the article's
-- language. The article-level lexical ranking scores an article's title among titles (BM25 with
-- titles as the documents) next to its body, as the embedded archive's title field does.
--
-- title_search_text is the title after Arabic spelling normalisation (made by the application, as
-- chunks.search_text is); a BEFORE trigger analyses it once into title_tsv and counts its tokens.
-- All three new columns are nullable, so adding them rewrites nothing. Rows stored before this have
-- none: the application fills them in when it opens the archive (PgVectorArchive), which fires the
-- trigger for them.
ALTER TABLE articles ADD COLUMN title_search_text text;
ALTER TABLE articles ADD COLUMN title_config regconfig;
ALTER TABLE articles ADD COLUMN title_tsv tsvector;
ALTER TABLE articles ADD COLUMN title_tokens integer;

CREATE FUNCTION article_title_search() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.title_config IS NULL OR NEW.title_search_text IS NULL THEN
        NEW.title_tsv := NULL;
        NEW.title_tokens := NULL;
    ELSE
        NEW.title_tsv := to_tsvector(NEW.title_config, NEW.title_search_text);
        NEW.title_tokens := "${flyway:defaultSchema}".tsvector_token_count(NEW.title_tsv);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER articles_title_search BEFORE INSERT OR UPDATE OF title_search_text, title_config ON articles
    FOR EACH ROW EXECUTE FUNCTION article_title_search();

CREATE INDEX articles_title_tsv_gin_idx ON articles USING gin (title_tsv);

-- The rows still waiting for their title to be analysed (stored before this): the check on opening
-- the archive reads this index, empty once they are done, instead of every article.
CREATE INDEX articles_title_missing_idx ON articles (id) WHERE title_config IS NULL;
