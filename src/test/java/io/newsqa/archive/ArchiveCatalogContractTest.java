package io.newsqa.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsqa.support.EachBackend;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every archive tells about what it holds ({@link ArchiveCatalog}): look-ups, pages, counts,
 * recorded stories, the full export.
 */
class ArchiveCatalogContractTest extends ArchiveContract {

    @EachBackend
    void recordedStoriesGiveEveryArticlesPublicationAndTheStoryWrittenForIt() {
        Article putin = putSeedLike();
        putUndated();
        Article retold = article(
                        "putin-retold",
                        "بوتين يتصل بنتنياهو مجددا",
                        "ar",
                        "wire-b",
                        OffsetDateTime.parse("2025-08-03T09:00:00+03:00"),
                        "أجرى بوتين اتصالا ثانيا مع نتنياهو.")
                .inStory("putin");
        archive.put(retold, List.of(new Chunk("putin-retold", 0, retold.body(), vec(0.8f, 0.2f, 0, 0))));
        storeAsBeforeStories(
                article("old", "Old", "en", "wire-a", OffsetDateTime.parse("2015-07-23T10:00:00+03:00"), "Old text."),
                List.of(new Chunk("old", 0, "Old text.", vec(0, 0, 0, 1))));

        Map<String, RecordedStory> stories = new HashMap<>();
        archive.recordedStories().forEach(story -> stories.put(story.articleId(), story));

        assertThat(stories).containsOnlyKeys("putin", "undated", "putin-retold", "old");
        assertThat(stories.get("putin-retold"))
                .isEqualTo(new RecordedStory("putin-retold", retold.publishedAt(), "putin"));
        assertThat(stories.get("old"))
                .isEqualTo(new RecordedStory("old", OffsetDateTime.parse("2015-07-23T10:00:00+03:00"), null));
        assertThat(stories.get("undated").publishedAt()).isNull();
        // An article of its own story stored now: PostgreSQL records its own id, the embedded archive nothing.
        assertThat(stories.get("putin").storyId()).isIn(null, "putin");
        assertThat(stories.get("putin").publishedAt()).isEqualTo(putin.publishedAt());
    }

    @EachBackend
    void findsAnArticleByContentHash() {
        putSeedLike();

        assertThat(archive.findByContentHash("hash-putin")).map(Article::id).contains("putin");
        assertThat(archive.findByContentHash("hash-nothing")).isEmpty();
    }

    @EachBackend
    void listsArticlesMostRecentlyStoredFirstInPages() throws InterruptedException {
        putInOrder(this::putSeedLike, this::putEnglish, this::putUndated);

        List<ArticleSummary> all = archive.listArticles(0, 10);

        assertThat(all).extracting(ArticleSummary::id).containsExactly("undated", "floods", "putin");
        assertThat(all).allSatisfy(summary -> assertThat(summary.ingestedAt()).isNotNull());
        assertThat(all.get(0).ingestedAt()).isAfterOrEqualTo(all.get(1).ingestedAt());
        assertThat(all.get(1).ingestedAt()).isAfterOrEqualTo(all.get(2).ingestedAt());
        Article putin = archive.findArticle("putin").orElseThrow();
        assertThat(all.get(2)).isEqualTo(ArticleSummary.of(putin, all.get(2).ingestedAt()));
        assertThat(archive.listArticles(1, 1)).extracting(ArticleSummary::id).containsExactly("floods");
        assertThat(archive.listArticles(2, 5)).extracting(ArticleSummary::id).containsExactly("putin");
        assertThat(archive.listArticles(3, 5)).isEmpty();
        assertThat(archive.listArticles(0, 0)).isEmpty();
    }

    @EachBackend
    void aReplacedArticleMovesToTheFrontOfTheList() throws InterruptedException {
        putInOrder(this::putSeedLike, this::putEnglish, this::putSeedLike);

        assertThat(archive.listArticles(0, 10)).extracting(ArticleSummary::id).containsExactly("putin", "floods");
    }

    @EachBackend
    void listingRejectsANegativeOffsetOrLimit() {
        assertThatThrownBy(() -> archive.listArticles(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> archive.listArticles(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @EachBackend
    void countsArticlesPerLanguageAndSource() {
        assertThat(archive.facets()).isEqualTo(new ArchiveFacets(Map.of(), Map.of()));
        putSeedLike();
        putEnglish();
        putUndated();
        archive.put(
                article("nosource", "No source given", "en", null, null, "Text without a source."),
                List.of(new Chunk("nosource", 0, "Text without a source.", vec(0, 0, 0, 1))));

        assertThat(archive.facets())
                .isEqualTo(new ArchiveFacets(Map.of("ar", 1L, "en", 3L), Map.of("wire-a", 1L, "wire-b", 2L)));

        archive.delete("floods");
        archive.delete("putin");
        assertThat(archive.facets()).isEqualTo(new ArchiveFacets(Map.of("en", 2L), Map.of("wire-b", 1L)));
    }

    @EachBackend
    void forEachArticleGivesBackEveryArticleWithItsChunksAndVectorsAsTheyNowAre() {
        Article putin = putSeedLike();
        Article floods = putEnglish();
        putUndated();
        archive.put(floods, List.of(new Chunk("floods", 0, "Replaced text.", vec(0, 0.5f, 0.5f, 0))));
        archive.delete("undated");

        List<StoredArticle> all = exported(archive);

        assertThat(all).extracting(StoredArticle::article).containsExactly(floods, putin);
        assertThat(all.get(0).chunks()).singleElement().satisfies(chunk -> {
            assertThat(chunk.text()).isEqualTo("Replaced text.");
            assertThat(chunk.embedding()).containsExactly(0, 0.5f, 0.5f, 0);
        });
        assertThat(all.get(1).chunks()).extracting(Chunk::ordinal).containsExactly(0, 1);
        assertThat(all.get(1).chunks().get(1).embedding()).containsExactly(0.9f, 0.1f, 0, 0);
    }
}
