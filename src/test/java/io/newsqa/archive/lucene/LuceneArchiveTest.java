package io.newsqa.archive.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract suite cannot say about the embedded store: its folder, its lock, its threads. */
class LuceneArchiveTest {

    private static final String MODEL = "test-model-v1";

    @TempDir
    Path folder;

    private static Article article(String id, String title, String language, String source, String body) {
        return new Article(id, null, title, source, null, language, "hash-" + id, body);
    }

    private static Chunk chunk(String articleId, int ordinal, String text, float... vector) {
        return new Chunk(articleId, ordinal, text, vector);
    }

    @Test
    void createsTheFolderWhenMissing() {
        Path nested = folder.resolve("data").resolve("archive");

        try (LuceneArchive archive = LuceneArchive.open(nested, MODEL, 4)) {
            assertThat(nested).isDirectory();
            assertThat(archive.stats()).isEqualTo(new ArchiveStats(0, 0));
            assertThat(archive.modelId()).isEqualTo(MODEL);
        }
    }

    @Test
    void saysWhatToDoWhenTheFolderCannotBeAFolder() throws Exception {
        Path file = Files.writeString(folder.resolve("archive"), "not a folder");

        assertThatThrownBy(() -> LuceneArchive.open(file, MODEL, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("NEWSQA_DATA_DIR");
    }

    @Test
    void refusesASecondOpenWhileInUseAndOpensAgainOnceClosed() {
        Path path = folder.resolve("archive");
        LuceneArchive first = LuceneArchive.open(path, MODEL, 4);

        assertThatThrownBy(() -> LuceneArchive.open(path, MODEL, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use");

        first.close();
        try (LuceneArchive again = LuceneArchive.open(path, MODEL, 4)) {
            assertThat(again.stats()).isEqualTo(new ArchiveStats(0, 0));
        }
    }

    @Test
    void refusesAnotherDimensionNamingBoth() {
        Path path = folder.resolve("archive");
        LuceneArchive.open(path, MODEL, 4).close();

        assertThatThrownBy(() -> LuceneArchive.open(path, MODEL, 8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("4 dimensions")
                .hasMessageContaining("8 dimensions")
                .hasMessageContaining("newsqa reembed --from-data-dir");
    }

    @Test
    void remembersItsModelOverSeveralSessions() {
        Path path = folder.resolve("archive");
        for (String id : List.of("first", "second")) {
            try (LuceneArchive archive = LuceneArchive.open(path, MODEL, 2)) {
                archive.put(article(id, id, "en", null, id), List.of(chunk(id, 0, id, 1, 0)));
            }
        }

        assertThatThrownBy(() -> LuceneArchive.open(path, "another-model", 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MODEL)
                .hasMessageContaining("another-model");
    }

    @Test
    void givesThePublicationTimeBackExactly() {
        OffsetDateTime published = OffsetDateTime.parse("2025-01-01T10:00:00.123456789+05:30");
        Article precise = new Article("precise", null, "t", null, published, "en", "h", "body");
        try (LuceneArchive archive = LuceneArchive.open(folder.resolve("archive"), MODEL, 2)) {
            archive.put(precise, List.of(chunk("precise", 0, "body", 1, 0)));

            assertThat(archive.findArticle("precise")).contains(precise);
        }
    }

    @Test
    void rejectsVectorsWithoutACosineBeforeTouchingTheIndex() {
        try (LuceneArchive archive = LuceneArchive.open(folder.resolve("archive"), MODEL, 2)) {
            Article stored = article("a", "t", "en", null, "body");
            archive.put(stored, List.of(chunk("a", 0, "body", 1, 0)));
            Article replacement = article("a", "new", "en", null, "new body");

            assertThatThrownBy(() -> archive.put(replacement, List.of(chunk("a", 0, "new body", 0, 0))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("zero");
            assertThatThrownBy(() -> archive.put(replacement, List.of(chunk("a", 0, "new body", Float.NaN, 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("non-finite");
            assertThatThrownBy(() -> archive.denseSearch(new float[] {0, 0}, 5, SearchFilter.none()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> archive.denseSearch(new float[] {1, 0, 0}, 5, SearchFilter.none()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dimension");

            assertThat(archive.findArticle("a")).contains(stored);
            assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 1));
        }
    }

    @Test
    void oddLimitsAndQuestionsGiveResultsNotErrors() {
        try (LuceneArchive archive = LuceneArchive.open(folder.resolve("archive"), MODEL, 2)) {
            archive.put(
                    article("a", "t", "en", null, "harbour festival"),
                    List.of(chunk("a", 0, "harbour festival", 1, 0)));
            StringBuilder pastedArticle = new StringBuilder("harbour ");
            for (int i = 0; i < 2000; i++) {
                pastedArticle.append("word").append(i).append(' ');
            }

            assertThat(archive.denseSearch(new float[] {1, 0}, 0, SearchFilter.none()))
                    .isEmpty();
            assertThat(archive.lexicalSearch("harbour", "en", 0, SearchFilter.none()))
                    .isEmpty();
            assertThat(archive.denseSearch(new float[] {1, 0}, Integer.MAX_VALUE, SearchFilter.none()))
                    .hasSize(1);
            assertThat(archive.lexicalSearch(pastedArticle.toString(), "en", 5, SearchFilter.none()))
                    .extracting(ChunkHit::key)
                    .containsExactly("a#0");
            assertThat(archive.lexicalSearch(null, "en", 5, SearchFilter.none()))
                    .isEmpty();
        }
    }

    @Test
    void searchesOtherLanguagesWithTheSimpleAnalysis() {
        try (LuceneArchive archive = LuceneArchive.open(folder.resolve("archive"), MODEL, 2)) {
            archive.put(
                    article("fr", "t", "fr", null, "Le Festival du port"),
                    List.of(chunk("fr", 0, "Le Festival du port", 1, 0)));
            archive.put(
                    article("en", "t", "en", null, "The harbour festival"),
                    List.of(chunk("en", 0, "The harbour festival", 1, 0)));

            assertThat(archive.lexicalSearch("festival", "fr", 5, SearchFilter.none()))
                    .extracting(ChunkHit::key)
                    .containsExactly("fr#0");
            assertThat(archive.lexicalSearch("festival", "de", 5, SearchFilter.none()))
                    .extracting(ChunkHit::key)
                    .containsExactly("fr#0");
            assertThat(archive.lexicalSearch("festival", null, 5, SearchFilter.none()))
                    .extracting(ChunkHit::key)
                    .containsExactly("fr#0");
            assertThat(archive.lexicalSearch("festivals", "en", 5, SearchFilter.none()))
                    .extracting(ChunkHit::key)
                    .containsExactly("en#0");
        }
    }

    @Test
    void aNarrowFilterStillFillsTheLimitWithTheFilteredNeighbours() {
        try (LuceneArchive archive = LuceneArchive.open(folder.resolve("archive"), MODEL, 2)) {
            // 150 chunks right by the query, 20 far from it in the only source the filter accepts.
            putMany(archive, "near", "wire-a", 150, 1, 0.01f);
            putMany(archive, "far", "wire-b", 20, 0.01f, 1);

            List<ChunkHit> hits =
                    archive.denseSearch(new float[] {1, 0}, 10, new SearchFilter(null, null, Set.of("wire-b"), null));

            assertThat(hits)
                    .hasSize(10)
                    .allSatisfy(hit -> assertThat(hit.article().source()).isEqualTo("wire-b"));
            assertThat(hits).allSatisfy(hit -> assertThat(hit.score()).isBetween(-1.0, 1.0));
        }
    }

    private static void putMany(LuceneArchive archive, String prefix, String source, int articles, float x, float y) {
        for (int i = 0; i < articles; i++) {
            String id = prefix + i;
            archive.put(
                    article(id, id, "en", source, "text " + id),
                    List.of(chunk(id, 0, "text " + id, x, y + i * 0.001f)));
        }
    }

    @Test
    void searchesDuringReplacementsSeeOneWholeVersionAndNeverFail() throws Exception {
        try (LuceneArchive archive = LuceneArchive.open(folder.resolve("archive"), MODEL, 2)) {
            archive.put(version("old"), versionChunks("old"));
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService readers = Executors.newFixedThreadPool(3);
            try {
                List<Future<Integer>> checks = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    checks.add(readers.submit(() -> readWhile(archive, writing)));
                }
                for (int i = 0; i < 30; i++) {
                    String name = i % 2 == 0 ? "new" : "old";
                    archive.put(version(name), versionChunks(name));
                }
                writing.set(false);
                for (Future<Integer> check : checks) {
                    assertThat(check.get(30, TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                readers.shutdownNow();
            }
        }
    }

    private static Article version(String name) {
        return article("flip", "version " + name, "en", "wire", "body " + name);
    }

    private static List<Chunk> versionChunks(String name) {
        return List.of(
                chunk("flip", 0, "version " + name + " river", 1, 0),
                chunk("flip", 1, "version " + name + " harbour", 1, 0.1f),
                chunk("flip", 2, "version " + name + " festival", 1, 0.2f));
    }

    /** Searches until writing stops; every answer must be one whole version. Returns the number of checks. */
    private static int readWhile(LuceneArchive archive, AtomicBoolean writing) {
        int checks = 0;
        do {
            List<ChunkHit> dense = archive.denseSearch(new float[] {1, 0}, 10, SearchFilter.none());
            List<ChunkHit> lexical =
                    archive.lexicalSearch("version river harbour festival", "en", 10, SearchFilter.none());
            for (List<ChunkHit> hits : List.of(dense, lexical)) {
                assertThat(hits).hasSize(3);
                String title = hits.get(0).article().title();
                assertThat(hits).allSatisfy(hit -> assertThat(hit.text()).startsWith(title));
            }
            assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 3));
            checks++;
        } while (writing.get());
        return checks;
    }
}
