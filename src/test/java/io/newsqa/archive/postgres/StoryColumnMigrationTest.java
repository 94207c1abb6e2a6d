package io.newsqa.archive.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleSummary;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.SearchFilter;
import io.newsqa.support.OlderArchive;
import io.newsqa.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An archive written before articles were linked to stories (schema version 11, no
 * {@code story_id} column) opens, is upgraded in place, and reads each old article as its own
 * story; new copies link to the old articles.
 */
class StoryColumnMigrationTest {

    private static final String MODEL = "story-migration-model";
    private final String schema = TestDatabase.freshSchemaName("storymig");

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void anArchiveOfVersion11OpensAndItsArticlesAreTheirOwnStories() throws Exception {
        OlderArchive.create(schema, "11", MODEL);

        try (PgVectorArchive archive =
                PgVectorArchive.open(TestDatabase.pool("story-migration", 2), true, MODEL, 4, schema)) {
            Article old = archive.findArticle("old").orElseThrow();
            assertThat(old.storyId()).isEqualTo("old");
            assertThat(archive.lexicalSearch("harbour", "en", 5, SearchFilter.none())
                            .get(0)
                            .article()
                            .storyId())
                    .isEqualTo("old");
            assertThat(archive.listArticles(0, 5))
                    .extracting(ArticleSummary::storyId)
                    .containsExactly("old");

            Article copy = new Article(
                    "new",
                    null,
                    "Harbour open again",
                    null,
                    null,
                    "en",
                    "hash-new",
                    "The harbour opened again after the storm.",
                    "old");
            archive.put(copy, List.of(new Chunk("new", 0, copy.body(), new float[] {0.9f, 0.1f, 0, 0})));
            assertThat(archive.findArticle("new").orElseThrow().storyId()).isEqualTo("old");
        }
    }
}
