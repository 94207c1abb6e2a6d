package io.newsqa.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.archive.postgres.PgVectorArchive;
import io.newsqa.support.TestDatabase;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copying an archive between the two implementations keeps every article (with the story it is
 * linked to), chunk and vector, and searches alike.
 */
class ArchiveCopyTest {

    private static final String MODEL = "copy-test-model";
    private static final int DIM = 4;

    @TempDir
    Path folder;

    private final String schema = TestDatabase.freshSchemaName("copy");

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    /** More articles than one copy batch holds, so that several batches are committed. */
    private static void fill(ArchiveIndex archive, int articles) {
        for (int i = 0; i < articles; i++) {
            String id = "a" + i;
            Article article = new Article(
                    id,
                    i % 2 == 0 ? "https://news.example/" + id : null,
                    "Headline " + i,
                    "wire",
                    i % 3 == 0
                            ? null
                            : OffsetDateTime.parse("2015-07-21T10:00:00+03:00").plusHours(i),
                    i % 2 == 0 ? "ar" : "en",
                    "hash-" + id,
                    "Body " + i + ".\n\nSecond paragraph.",
                    i % 4 == 1 ? "a" + (i - 1) : id); // every fourth article retells the one before

            List<Chunk> chunks = new ArrayList<>();
            for (int c = 0; c < 1 + i % 3; c++) {
                chunks.add(new Chunk(id, c, "Chunk " + c + " of article " + i, new float[] {
                    1 + i, c + 0.5f, (i * 7 + c) % 5 + 0.25f, -i / 10f
                }));
            }
            archive.put(article, chunks);
        }
    }

    private static List<String> described(ArchiveIndex archive) {
        return ArchiveContract.exported(archive).stream()
                .map(ArchiveContract::describe)
                .toList();
    }

    @Test
    void embeddedToPostgresAndBackKeepsEverythingAndSearchesAlike() {
        try (LuceneArchive embedded = LuceneArchive.open(folder.resolve("from"), MODEL, DIM);
                PgVectorArchive postgres =
                        PgVectorArchive.open(TestDatabase.pool("copy-test", 3), true, MODEL, DIM, schema);
                LuceneArchive back = LuceneArchive.open(folder.resolve("back"), MODEL, DIM)) {
            fill(embedded, 230);
            List<Long> progress = new ArrayList<>();

            ArchiveCopy.Report there = ArchiveCopy.copy(embedded, postgres, progress::add);
            ArchiveCopy.Report home = ArchiveCopy.copy(postgres, back, copied -> {});

            assertThat(there.articles()).isEqualTo(230);
            assertThat(there.chunks()).isEqualTo(embedded.stats().chunks());
            assertThat(progress).containsExactly(200L, 230L);
            assertThat(home)
                    .extracting(ArchiveCopy.Report::articles, ArchiveCopy.Report::chunks)
                    .containsExactly(there.articles(), there.chunks());
            List<String> original = described(embedded);
            assertThat(described(postgres)).isEqualTo(original);
            assertThat(described(back)).isEqualTo(original);
            float[] query = {3, 1, 2, 0};
            assertThat(postgres.denseSearch(query, 5, SearchFilter.none()).stream()
                            .map(ChunkHit::key)
                            .toList())
                    .isEqualTo(embedded.denseSearch(query, 5, SearchFilter.none()).stream()
                            .map(ChunkHit::key)
                            .toList());
        }
    }

    @Test
    void copyingAgainReplacesRatherThanDoubles() {
        try (LuceneArchive embedded = LuceneArchive.open(folder.resolve("from"), MODEL, DIM);
                PgVectorArchive postgres =
                        PgVectorArchive.open(TestDatabase.pool("copy-test", 3), true, MODEL, DIM, schema)) {
            fill(embedded, 5);

            ArchiveCopy.copy(embedded, postgres, copied -> {});
            ArchiveCopy.copy(embedded, postgres, copied -> {});

            assertThat(postgres.stats()).isEqualTo(embedded.stats());
        }
    }

    @Test
    void refusesArchivesOfDifferentDimensions() {
        try (LuceneArchive four = LuceneArchive.open(folder.resolve("four"), MODEL, DIM);
                LuceneArchive eight = LuceneArchive.open(folder.resolve("eight"), MODEL, 8)) {
            fill(four, 1);

            assertThatThrownBy(() -> ArchiveCopy.copy(four, eight, copied -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different sizes");
            assertThat(eight.stats().articles()).isZero();
        }
    }
}
