package io.newsqa.archive.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.ArticleHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.support.OlderArchive;
import io.newsqa.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An archive written before titles were searched (schema version 14, no title columns) opens, is
 * upgraded in place, and its old articles are found by their titles from then on.
 */
class TitleColumnMigrationTest {

    private static final String MODEL = "title-migration-model";
    private final String schema = TestDatabase.freshSchemaName("titlemig");

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void anArchiveOfVersion14OpensWithTheTitlesOfItsArticlesSearchable() throws Exception {
        OlderArchive.create(schema, "14", MODEL);
        List<WeightedTerm> titleWord = List.of(new WeightedTerm("headline", 1.0));

        try (PgVectorArchive archive =
                PgVectorArchive.open(TestDatabase.pool("title-migration", 2), true, MODEL, 4, schema)) {
            // "Old headline": the body ("The harbour reopened after the storm.") does not say it.
            assertThat(archive.articleLexicalSearch(titleWord, "en", 5, SearchFilter.none()))
                    .extracting(ArticleHit::articleId)
                    .containsExactly("old");
            assertThat(archive.articleLexicalSearch(
                            List.of(new WeightedTerm("harbour", 1.0)), "en", 5, SearchFilter.none()))
                    .extracting(ArticleHit::articleId)
                    .containsExactly("old");
        }
        try (PgVectorArchive reopened =
                PgVectorArchive.open(TestDatabase.pool("title-migration", 2), true, MODEL, 4, schema)) {
            assertThat(reopened.articleLexicalSearch(titleWord, "en", 5, SearchFilter.none()))
                    .extracting(ArticleHit::articleId)
                    .containsExactly("old");
        }
    }
}
