package io.newsqa.ingest.source;

import static io.newsqa.ingest.source.HostileInput.mutated;
import static io.newsqa.ingest.source.HostileInput.oneOf;
import static io.newsqa.ingest.source.HostileInput.randomBytes;
import static io.newsqa.ingest.source.HostileInput.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleSummary;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.support.Slow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Fuzzing of a whole ingest batch ({@link FuzzTries}, from a printed seed): a ZIP holding two
 * good articles and one hostile entry (any reader's kind, malformed), or a ZIP whose own bytes
 * are damaged, ingested
 * into a fresh embedded archive. Whatever the hostile part, the good articles are stored whole,
 * every stored article has exactly the chunks its text makes (nothing half-stored), every
 * rejection carries a reason of its own (not the catch-all for unexpected exceptions), and the
 * run ends within its time.
 */
@Slow
class ZipIngestFuzzTest {

    private static final String TRAM =
            "Tram line approved\n\nThe fictional council of Port Avalon approved the tram line on"
                    + " Monday after a long debate. The line links the harbour with the university.";
    private static final String HARBOUR = "Harbour reopens\n\nThe harbour of Port Avalon reopened to ships on Tuesday"
            + " morning after the storm damage to the northern pier was repaired.";
    /** What {@link SourceReaders} says when a reader threw something it should not have. */
    private static final String CATCH_ALL = "could not be read (";

    private static EmbeddingModel model;
    private static final Chunker CHUNKER = new Chunker(new HuggingFaceTokenCountEstimator(), 200);

    private static synchronized EmbeddingModel model() {
        if (model == null) {
            model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        return model;
    }

    @AfterAll
    static void release() {
        model = null;
    }

    @TestFactory
    Stream<DynamicTest> aHostileEntryNeverCostsTheGoodOnes() {
        return FuzzTries.of("aHostileEntryNeverCostsTheGoodOnes", 40, hostileEntries(), Entry::describe, hostile -> {
            byte[] zip = zip(new Entry("a/tram.txt", utf8(TRAM)), hostile, new Entry("b/harbour.txt", utf8(HARBOUR)));

            IngestReport report = ingestInFreshArchive(zip, archive -> {
                assertStoredWhole(archive, TRAM);
                assertStoredWhole(archive, HARBOUR);
            });

            assertThat(report.rejections())
                    .allSatisfy(rejection ->
                            assertThat(rejection.reason()).isNotBlank().doesNotContain(CATCH_ALL));
        });
    }

    @TestFactory
    Stream<DynamicTest> aDamagedZipStoresOnlyWholeArticles() {
        byte[] valid = zip(
                new Entry("tram.txt", utf8(TRAM)),
                new Entry("dump.json", SourceReadersFuzzTest.JSON),
                new Entry("harbour.txt", utf8(HARBOUR)));
        return FuzzTries.ofBytes("aDamagedZipStoresOnlyWholeArticles", 40, mutated(valid), zip -> {
            IngestReport report = ingestInFreshArchive(zip, archive -> {});

            assertThat(report.rejections())
                    .allSatisfy(rejection ->
                            assertThat(rejection.reason()).isNotBlank().doesNotContain(CATCH_ALL));
        });
    }

    record Entry(String name, byte[] bytes) {
        String describe() {
            return "entry " + name + ", " + HostileInput.describe(bytes);
        }
    }

    /** Any reader's kind of file (or none), holding random bytes or any reader's valid sample mutated. */
    private static HostileInput.Generator<Entry> hostileEntries() {
        String[] names = {
            "hostile.json", "hostile.jsonl", "hostile.txt", "hostile.rss", "hostile.html", "hostile.zip", "hostile.bin"
        };
        HostileInput.Generator<byte[]> bytes = oneOf(
                randomBytes(),
                mutated(SourceReadersFuzzTest.JSON),
                mutated(SourceReadersFuzzTest.JSON_LINES),
                mutated(SourceReadersFuzzTest.TEXT),
                mutated(SourceReadersFuzzTest.FEED),
                mutated(SourceReadersFuzzTest.PAGE));
        return random -> new Entry(names[random.nextInt(names.length)], bytes.next(random));
    }

    private interface ArchiveCheck {
        void check(LuceneArchive archive);
    }

    private static IngestReport ingestInFreshArchive(byte[] zip, ArchiveCheck check) throws IOException {
        Path folder = Files.createTempDirectory("newsqa-zip-fuzz");
        try (LuceneArchive archive =
                LuceneArchive.open(folder.resolve("archive"), "all-minilm-l6-v2-q", model().dimension())) {
            Path file = folder.resolve("batch.zip");
            Files.write(file, zip);
            FileIngest ingest = new FileIngest(
                    new ArticleIngestor(archive, model(), CHUNKER),
                    new SourceReaders(FieldMapping.DEFAULT.withZone(ZoneOffset.UTC), Duration.ofSeconds(5)));
            IngestReport report = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ingest.ingest(List.of(file)));
            assertEveryArticleWhole(archive);
            check.check(archive);
            return report;
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    /** Every stored article has exactly the chunks its stored text makes: none lost, none left over. */
    private static void assertEveryArticleWhole(LuceneArchive archive) {
        List<ArticleSummary> stored = archive.listArticles(0, 1_000);
        long expectedChunks = 0;
        for (ArticleSummary summary : stored) {
            Article article = archive.findArticle(summary.id()).orElseThrow();
            assertThat(article.title()).isNotBlank();
            assertThat(article.body()).isNotBlank();
            assertThat(article.contentHash()).isEqualTo(ArticleIdentity.contentHash(article.body()));
            expectedChunks += CHUNKER.chunk(article).chunks().size();
        }
        assertThat(archive.stats().articles()).isEqualTo(stored.size());
        assertThat(archive.stats().chunks()).isEqualTo(expectedChunks);
    }

    private static void assertStoredWhole(LuceneArchive archive, String file) {
        String body = file.substring(file.indexOf("\n\n") + 2);
        assertThat(archive.findByContentHash(ArticleIdentity.contentHash(body)))
                .as("the good article %s", file.lines().findFirst().orElseThrow())
                .hasValueSatisfying(article -> assertThat(article.body()).isEqualTo(body));
    }

    private static byte[] zip(Entry... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                zip.write(entry.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
