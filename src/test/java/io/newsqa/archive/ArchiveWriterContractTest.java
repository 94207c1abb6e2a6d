package io.newsqa.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.newsqa.support.EachBackend;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What every archive does with what ingestion writes ({@link ArchiveWriter}): storing, replacing,
 * storing a group, deleting, linking stories.
 */
class ArchiveWriterContractTest extends ArchiveContract {

    @EachBackend
    void storesAndReturnsAnArticleWithAllItsFields() {
        Article putin = putSeedLike();

        assertThat(archive.findArticle("putin")).contains(putin);
        assertThat(archive.findArticle("missing")).isEmpty();
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 2));
        assertThat(archive.dimension()).isEqualTo(DIM);
    }

    @EachBackend
    void keepsThePublicationTimeZoneAndStoresNoDateWhenThereIsNone() {
        putSeedLike();
        putUndated();

        assertThat(archive.findArticle("putin").orElseThrow().publishedAt())
                .isEqualTo(OffsetDateTime.parse("2025-08-02T14:30:00+03:00"));
        assertThat(archive.findArticle("undated").orElseThrow().publishedAt()).isNull();
    }

    @EachBackend
    void keepsTheStoryAnArticleIsLinkedToAndTakesNoneAsItsOwn() {
        Article putin = putSeedLike();
        Article retold = article(
                        "putin-retold",
                        "بوتين يتصل بنتنياهو مجددا",
                        "ar",
                        "wire-b",
                        OffsetDateTime.parse("2025-08-03T09:00:00+03:00"),
                        "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا ثانيا مع بنيامين نتنياهو.")
                .inStory("putin");
        archive.put(retold, List.of(new Chunk("putin-retold", 0, retold.body(), vec(0.8f, 0.2f, 0, 0))));

        assertThat(archive.findArticle("putin-retold").orElseThrow().storyId()).isEqualTo("putin");
        assertThat(archive.findArticle("putin").orElseThrow().storyId()).isEqualTo("putin");
        assertThat(putin.retellsAnother()).isFalse();
        // Search results, the article list and the export (copy-archive) carry it too.
        assertThat(archive.lexicalSearch("بوتين نتنياهو", "ar", 10, SearchFilter.none()))
                .extracting(hit -> hit.article().id() + ">" + hit.article().storyId())
                .contains("putin>putin", "putin-retold>putin");
        assertThat(archive.denseSearch(vec(0.8f, 0.2f, 0, 0), 1, SearchFilter.none())
                        .get(0)
                        .article()
                        .storyId())
                .isEqualTo("putin");
        assertThat(archive.listArticles(0, 10))
                .extracting(ArticleSummary::storyId)
                .containsExactlyInAnyOrder("putin", "putin");
        assertThat(exported(archive))
                .extracting(stored -> stored.article().storyId())
                .containsExactly("putin", "putin");

        archive = backend.reopen(MODEL, DIM);
        assertThat(archive.findArticle("putin-retold")).contains(retold);
    }

    @EachBackend
    void setStoriesChangesOnlyTheStoryKeepingChunksVectorsAndTheTimeOfStoring() throws InterruptedException {
        putInOrder(this::putSeedLike, this::putEnglish);
        Article floods = archive.findArticle("floods").orElseThrow();
        List<ArticleSummary> listed = archive.listArticles(0, 10);
        List<StoredArticle> before = exported(archive);
        // Searches read (and may keep) the articles as they are now.
        assertThat(archive.denseSearch(vec(0, 1, 0, 0), 1, SearchFilter.none())
                        .get(0)
                        .article()
                        .storyId())
                .isEqualTo("floods");

        assertThat(archive.setStories(Map.of("floods", "putin", "missing", "putin", "putin", "putin")))
                .isEqualTo(1);

        assertThat(archive.findArticle("floods")).contains(floods.inStory("putin"));
        ChunkHit hit =
                archive.denseSearch(vec(0, 1, 0, 0), 1, SearchFilter.none()).get(0);
        assertThat(hit.article().storyId()).isEqualTo("putin");
        assertThat(hit.score()).isCloseTo(1.0, offset(1e-6));
        assertThat(archive.lexicalSearch("flooded coastal road", "en", 5, SearchFilter.none()))
                .extracting(found -> found.article().storyId())
                .containsExactly("putin");
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(2, 3));
        assertThat(archive.listArticles(0, 10))
                .extracting(ArticleSummary::id, ArticleSummary::ingestedAt)
                .containsExactlyElementsOf(
                        listed.stream().map(a -> tuple(a.id(), a.ingestedAt())).toList());
        List<StoredArticle> after = exported(archive);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).article().id())
                    .isEqualTo(before.get(i).article().id());
            assertThat(after.get(i).chunks())
                    .usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(before.get(i).chunks());
        }

        assertThat(archive.setStories(Map.of("floods", "putin")))
                .as("already so")
                .isZero();
        archive = backend.reopen(MODEL, DIM);
        assertThat(archive.findArticle("floods").orElseThrow().storyId()).isEqualTo("putin");
        assertThat(archive.setStories(Map.of("floods", "floods"))).isEqualTo(1);
        assertThat(archive.findArticle("floods")).contains(floods);
    }

    @EachBackend
    void anArticleStoredBeforeStoriesIsItsOwnStoryUntilOneIsSet() {
        Article old = article("old", "Old", "en", "wire-a", null, "The harbour reopened after the storm.");
        storeAsBeforeStories(old, List.of(new Chunk("old", 0, old.body(), vec(0, 0, 1, 0))));

        assertThat(archive.findArticle("old")).contains(old);
        assertThat(archive.setStories(Map.of("old", "old")))
                .as("its own story already")
                .isZero();
        assertThat(archive.setStories(Map.of("old", "earlier"))).isEqualTo(1);
        assertThat(archive.findArticle("old").orElseThrow().storyId()).isEqualTo("earlier");
        assertThat(archive.recordedStories()).containsExactly(new RecordedStory("old", null, "earlier"));
    }

    @EachBackend
    void putReplacesThePreviousVersionAndItsChunks() {
        putSeedLike();
        Article updated = article("putin", "Updated title", "ar", "wire-a", null, "نص جديد تماما عن الطقس");
        archive.put(updated, List.of(new Chunk("putin", 0, "نص جديد تماما عن الطقس", vec(0, 0, 0, 1))));

        assertThat(archive.findArticle("putin")).contains(updated);
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 1));
        assertThat(archive.lexicalSearch("نتنياهو", "ar", 10, SearchFilter.none()))
                .isEmpty();
    }

    @EachBackend
    void rejectsAChunkOfTheWrongDimensionOrArticleAndKeepsWhatWasStored() {
        Article putin = putSeedLike();
        Article broken = article("putin", "broken", "ar", null, null, "نص");

        assertThatThrownBy(() -> archive.put(broken, List.of(new Chunk("putin", 0, "نص", vec(1, 2)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
        assertThatThrownBy(() -> archive.put(broken, List.of(new Chunk("other", 0, "نص", vec(1, 0, 0, 0)))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(archive.findArticle("putin")).contains(putin);
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 2));
    }

    @EachBackend
    void putAllStoresAGroupInOrderSoALaterVersionInTheGroupWins() {
        Article first = article("tram", "Tram opens in June", "en", "wire-a", null, "The tram line opens in June.");
        Article corrected = article("tram", "Tram opens in July", "en", "wire-a", null, "The tram line opens in July.");
        Article floods = article("floods", "River floods", "en", "wire-b", null, "The river flooded the coastal road.");

        archive.putAll(List.of(
                new StoredArticle(
                        first, List.of(new Chunk("tram", 0, "The tram line opens in June.", vec(1, 0, 0, 0)))),
                new StoredArticle(
                        floods,
                        List.of(new Chunk("floods", 0, "The river flooded the coastal road.", vec(0, 1, 0, 0)))),
                new StoredArticle(
                        corrected, List.of(new Chunk("tram", 0, "The tram line opens in July.", vec(0, 0, 1, 0))))));

        assertThat(archive.findArticle("tram")).contains(corrected);
        assertThat(archive.findArticle("floods")).contains(floods);
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(2, 2));
        assertThat(archive.lexicalSearch("June", "en", 10, SearchFilter.none())).isEmpty();
    }

    @EachBackend
    void putAllWithOneBadArticleStoresNoneOfTheGroup() {
        Article putin = putSeedLike();
        Article floods = article("floods", "River floods", "en", "wire-b", null, "The river flooded the coastal road.");
        Article broken = article("putin", "broken", "ar", null, null, "نص");

        assertThatThrownBy(() -> archive.putAll(List.of(
                        new StoredArticle(
                                floods,
                                List.of(new Chunk(
                                        "floods", 0, "The river flooded the coastal road.", vec(0, 1, 0, 0)))),
                        new StoredArticle(broken, List.of(new Chunk("putin", 0, "نص", vec(1, 2)))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("putin");

        assertThat(archive.findArticle("putin")).contains(putin);
        assertThat(archive.findArticle("floods")).isEmpty();
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 2));
    }

    @EachBackend
    void deleteRemovesTheArticleAndItsChunks() {
        putSeedLike();
        putEnglish();

        assertThat(archive.delete("putin")).isTrue();
        assertThat(archive.delete("putin")).isFalse();
        assertThat(archive.findArticle("putin")).isEmpty();
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 1));
        assertThat(archive.denseSearch(vec(1, 0, 0, 0), 10, SearchFilter.none()))
                .extracting(hit -> hit.article().id())
                .containsOnly("floods");
    }

    @EachBackend
    void putAllStoresEachArticleAsPutDoesAndNeverStoresABadArticle() {
        Article putin = putSeedLike();
        List<StoredArticle> before = exported(archive);
        archive.delete("putin");
        Article floods = article("floods", "River floods close the coastal road", "en", "wire-b", null, "Flood.");

        archive.putAll(List.of(
                before.get(0), new StoredArticle(floods, List.of(new Chunk("floods", 0, "Flood.", vec(0, 1, 0, 0))))));

        assertThat(archive.stats()).isEqualTo(new ArchiveStats(2, 3));
        assertThat(exported(archive)).extracting(ArchiveContract::describe).contains(describe(before.get(0)));
        assertThat(archive.findArticle("putin")).contains(putin);
        StoredArticle wrongDimension = new StoredArticle(
                article("bad", "Bad", "en", null, null, "Bad."), List.of(new Chunk("bad", 0, "Bad.", vec(1, 0))));
        StoredArticle fine = new StoredArticle(
                article("fine", "Fine", "en", null, null, "Fine."),
                List.of(new Chunk("fine", 0, "Fine.", vec(0, 0, 0, 1))));
        assertThatThrownBy(() -> archive.putAll(List.of(fine, wrongDimension)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(archive.findArticle("bad")).isEmpty();
    }
}
