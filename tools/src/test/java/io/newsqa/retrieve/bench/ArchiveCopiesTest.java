package io.newsqa.retrieve.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.newsqa.archive.ArchiveCopy;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.StoredArticle;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.support.BackendUnderTest;
import io.newsqa.support.EachBackend;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveCopiesTest {

    private static final String MODEL = "copies-test-model";
    private static final int DIMENSION = 8;

    @TempDir
    Path folder;

    @EachBackend
    void storesEachArticleCopiesTimesWithTheSameTextAndNearbyVectors(BackendUnderTest backend) {
        try (ArchiveIndex source = LuceneArchive.open(folder.resolve("source"), MODEL, DIMENSION)) {
            source.putAll(List.of(article("a", "Riyadh opens its metro", 0), article("b", "Jeddah port grows", 4)));
            ArchiveIndex target = backend.open(MODEL, DIMENSION);

            ArchiveCopy.Report report = new ArchiveCopies(3, 0.01, 7).fill(source, target, stored -> {});

            assertThat(report.articles()).isEqualTo(6);
            assertThat(report.chunks()).isEqualTo(12);
            assertThat(target.stats().articles()).isEqualTo(6);
            assertThat(target.stats().chunks()).isEqualTo(12);
            Map<String, StoredArticle> stored = new HashMap<>();
            target.forEachArticle(article -> stored.put(article.article().id(), article));
            assertThat(stored).containsOnlyKeys("a", "a-copy-1", "a-copy-2", "b", "b-copy-1", "b-copy-2");
            StoredArticle original = stored.get("a");
            StoredArticle copy = stored.get("a-copy-2");
            assertThat(copy.article().body()).isEqualTo(original.article().body());
            assertThat(copy.article().title()).isEqualTo(original.article().title());
            assertThat(copy.article().storyId()).isEqualTo("a-copy-2");
            assertThat(copy.article().contentHash())
                    .isNotEqualTo(original.article().contentHash());
            assertThat(copy.article().url()).isNotEqualTo(original.article().url());
            for (int i = 0; i < 2; i++) {
                float[] before = original.chunks().get(i).embedding();
                float[] after = copy.chunks().get(i).embedding();
                assertThat(copy.chunks().get(i).text())
                        .isEqualTo(original.chunks().get(i).text());
                assertThat(after).isNotEqualTo(before);
                assertThat(cosine(before, after)).isBetween(0.95, 0.99999);
                assertThat(cosine(after, after)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            }

            // The copies are found as the originals are: by their words and near their vectors.
            List<ChunkHit> lexical = target.lexicalSearch("metro", "en", 10, SearchFilter.none());
            assertThat(lexical)
                    .extracting(hit -> hit.article().id())
                    .contains("a", "a-copy-1", "a-copy-2")
                    .doesNotContain("b");
            List<ChunkHit> dense = target.denseSearch(original.chunks().get(0).embedding(), 3, SearchFilter.none());
            assertThat(dense).extracting(hit -> hit.article().id()).containsOnly("a", "a-copy-1", "a-copy-2");
        }
    }

    @Test
    void theNoiseDependsOnlyOnTheSeedTheArticleTheCopyAndTheChunk() {
        StoredArticle article = article("a", "Riyadh opens its metro", 0);
        ArchiveCopies copies = new ArchiveCopies(3, 0.01, 7);
        assertThat(copies.copy(article, 1).chunks().get(1).embedding())
                .isEqualTo(new ArchiveCopies(5, 0.01, 7)
                        .copy(article, 1)
                        .chunks()
                        .get(1)
                        .embedding())
                .isNotEqualTo(copies.copy(article, 2).chunks().get(1).embedding())
                .isNotEqualTo(new ArchiveCopies(3, 0.01, 8)
                        .copy(article, 1)
                        .chunks()
                        .get(1)
                        .embedding());
        assertThat(copies.copy(article, 0)).isSameAs(article);
        assertThat(new ArchiveCopies(3, 0, 7).copy(article, 1).chunks().get(0).embedding())
                .isEqualTo(article.chunks().get(0).embedding());
    }

    @Test
    void refusesArchivesOfDifferentDimensionsAndNonsenseSettings() {
        try (ArchiveIndex source = LuceneArchive.open(folder.resolve("s"), MODEL, DIMENSION);
                ArchiveIndex target = LuceneArchive.open(folder.resolve("t"), MODEL, DIMENSION * 2)) {
            assertThatThrownBy(() -> new ArchiveCopies(2, 0.01, 1).fill(source, target, stored -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different sizes");
        }
        assertThatThrownBy(() -> new ArchiveCopies(0, 0.01, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArchiveCopies(2, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static StoredArticle article(String id, String title, int axis) {
        String body = title + ". The first part.\n\nThe second part.";
        Article article = new Article(
                id,
                "https://example.com/" + id,
                title,
                "Example",
                OffsetDateTime.parse("2015-07-21T10:00:00+03:00"),
                "en",
                "hash-" + id,
                body);
        List<Chunk> chunks = new ArrayList<>();
        chunks.add(new Chunk(id, 0, title + ". The first part.", unit(axis)));
        chunks.add(new Chunk(id, 1, "The second part.", unit(axis + 1)));
        return new StoredArticle(article, chunks);
    }

    private static float[] unit(int axis) {
        float[] vector = new float[DIMENSION];
        vector[axis] = 1;
        return vector;
    }

    private static double cosine(float[] a, float[] b) {
        return CosineSimilarity.between(Embedding.from(a), Embedding.from(b));
    }
}
