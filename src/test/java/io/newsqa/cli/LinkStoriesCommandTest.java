package io.newsqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.embedding.BuiltInModel;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.retrieve.HybridSearchContractTest;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsqa link-stories} end to end: the real application on an embedded archive written as
 * before stories were linked (the retelling of a story stored first, the original after it).
 */
class LinkStoriesCommandTest {

    private static final int DIMENSION = 384;

    @TempDir
    Path dataDir;

    @BeforeEach
    void configure() {
        System.setProperty("newsqa.data-dir", dataDir.toString());
        System.setProperty("newsqa.db.url", "");
    }

    @AfterEach
    void clear() {
        System.clearProperty("newsqa.data-dir");
        System.clearProperty("newsqa.db.url");
    }

    private static float[] axis(int i) {
        float[] vector = new float[DIMENSION];
        vector[i] = 1;
        return vector;
    }

    private static Article article(String id, String published, String body) {
        return new Article(
                id,
                null,
                "headline " + id,
                "outlet",
                OffsetDateTime.parse(published),
                "ar",
                ArticleIdentity.contentHash(body),
                body);
    }

    private static String linkStories() {
        CommandRun run = CommandRun.of("link-stories", "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void linksTheRetellingToTheEarlierArticleOnceAndThenChangesNothing() {
        try (LuceneArchive archive = LuceneArchive.open(dataDir, BuiltInModel.DEFAULT.id(), DIMENSION)) {
            for (Article article : List.of(
                    article("retold", "2025-03-02T08:00:00+03:00", HybridSearchContractTest.ORDER_RETOLD),
                    article("order", "2025-03-01T10:00:00+03:00", HybridSearchContractTest.ORDER))) {
                archive.put(
                        article,
                        List.of(new Chunk(
                                article.id(),
                                0,
                                article.body(),
                                axis(article.id().length()))));
            }
        }

        assertThat(linkStories())
                .contains("2 articles, 2 without a story examined: 1 linked to an earlier story"
                        + " (0 of them near copies, kept), in 1 stories; 1 left as their own story.");
        assertThat(linkStories()).contains("2 articles, 0 without a story examined: 0 linked");

        try (LuceneArchive archive = LuceneArchive.open(dataDir, BuiltInModel.DEFAULT.id(), DIMENSION)) {
            assertThat(archive.findArticle("retold").orElseThrow().storyId()).isEqualTo("order");
            assertThat(archive.findArticle("order").orElseThrow().storyId()).isEqualTo("order");
        }
    }
}
