package io.newsqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.SourceReaders;
import io.newsqa.support.Seed;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingesting files into a real embedded archive with the real embedding model. */
class FileIngestTest {

    private static final Path SEED = Seed.FILE;
    private static EmbeddingModel embeddings;

    @TempDir
    Path dir;

    private ArchiveIndex archive;
    private FileIngest ingest;

    @BeforeAll
    static void loadModel() {
        embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @BeforeEach
    void openArchive() {
        archive = LuceneArchive.open(dir.resolve("archive"), "all-minilm-l6-v2-q", embeddings.dimension());
        ingest = new FileIngest(
                new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200)),
                new SourceReaders(FieldMapping.DEFAULT, Duration.ofSeconds(5)));
    }

    @AfterEach
    void closeArchive() {
        archive.close();
    }

    @Test
    void ingestsTheSeedOnceHoweverOftenItIsIngested() {
        IngestReport first = ingest.ingest(List.of(SEED));
        IngestReport second = ingest.ingest(List.of(SEED));

        assertThat(first.countOf(IngestOutcome.ADDED)).isEqualTo(1);
        assertThat(second.countOf(IngestOutcome.UNCHANGED)).isEqualTo(1);
        assertThat(archive.stats().articles()).isEqualTo(1);
        assertThat(archive.stats().chunks()).isGreaterThan(1);
    }

    @Test
    void badFilesAreRejectedByNameAndTheRestOfTheBatchAndTheArchiveAreKept() throws IOException {
        ingest.ingest(List.of(SEED));
        ArchiveStats before = archive.stats();

        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path binary =
                Files.write(dir.resolve("photo.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2, 3});
        Path windows1256 = Files.write(
                dir.resolve("legacy.txt"),
                "خبر قديم\n\nنص الخبر بترميز ويندوز العربي القديم.".getBytes(Charset.forName("windows-1256")));
        Path missing = dir.resolve("no-such-file.txt");
        Path good = Files.writeString(
                dir.resolve("good.txt"),
                "Harbour festival opens\n\nThe fictional harbour festival of Port Avalon opened on Friday with forty boats.");

        IngestReport report = ingest.ingest(List.of(empty, binary, windows1256, missing, good));

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(1);
        assertThat(report.rejections()).hasSize(4);
        assertThat(report.rejections())
                .allSatisfy(rejection -> assertThat(rejection.reason()).isNotBlank());
        assertThat(report.rejections())
                .extracting(IngestReport.Rejection::item)
                .containsExactly(empty.toString(), binary.toString(), windows1256.toString(), missing.toString());
        assertThat(report.rejections().get(0).reason()).containsIgnoringCase("empty");
        assertThat(report.rejections().get(1).reason()).containsIgnoringCase("binary");
        assertThat(report.rejections().get(2).reason()).containsIgnoringCase("UTF-8");
        assertThat(report.rejections().get(3).reason()).containsIgnoringCase("no such file");
        assertThat(archive.stats().articles()).isEqualTo(before.articles() + 1);
        assertThat(report.summary()).contains("added 1", "rejected 4", empty.toString());
    }

    @Test
    void aFolderIsIngestedRecursively() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("articles/2025/08"));
        Files.writeString(
                folder.resolve("a.txt"), "Tram line opens\n\nThe fictional tram line of Port Avalon opens on 3 June.");
        Files.writeString(
                dir.resolve("articles/b.txt"),
                "Museum reopens\n\nThe fictional museum of Port Avalon reopened after repairs.");

        IngestReport report = ingest.ingest(List.of(dir.resolve("articles")));

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(2);
        assertThat(report.rejections()).isEmpty();
    }

    @Test
    void articlesStoredInGroupsAreAllStoredAndCountedOnceWithAnUpdateAfterItsFirstVersion() throws IOException {
        FileIngest grouped = new FileIngest(
                new ArticleIngestor(
                        archive,
                        embeddings,
                        new Chunker(new HuggingFaceTokenCountEstimator(), 200),
                        io.newsqa.ingest.dedupe.SimilarityThresholds.DEFAULT,
                        1,
                        3),
                new SourceReaders(FieldMapping.DEFAULT, Duration.ofSeconds(5)));
        String[] topics = {"tram line", "museum", "harbour", "library", "stadium", "bridge", "airport"};
        StringBuilder dump = new StringBuilder("[");
        for (int i = 0; i < topics.length; i++) {
            dump.append(i == 0 ? "" : ",")
                    .append("{\"title\": \"The ")
                    .append(topics[i])
                    .append(" story\", \"url\": \"https://news.example/")
                    .append(i)
                    .append("\", \"content\": \"The fictional ")
                    .append(topics[i])
                    .append(" of Port Avalon number ")
                    .append(i)
                    .append(" was in the news on Friday for reasons of its own.\"}");
        }
        // a corrected version of the first article, in the same run: stored after the first version
        dump.append(",{\"title\": \"The tram line story\", \"url\": \"https://news.example/0\", \"content\":"
                + " \"Correction: the fictional tram line of Port Avalon opens in July, not June, the city said.\"}]");
        Path file = Files.writeString(dir.resolve("dump.json"), dump);

        IngestReport first = grouped.ingest(List.of(file));
        IngestReport again = grouped.ingest(List.of(file));

        assertThat(first.countOf(IngestOutcome.ADDED)).isEqualTo(7);
        assertThat(first.countOf(IngestOutcome.UPDATED)).isEqualTo(1);
        assertThat(archive.stats().articles()).isEqualTo(7);
        String tram = ArticleIdentity.articleId("https://news.example/0", "");
        assertThat(archive.findArticle(tram).orElseThrow().body()).contains("July");
        // the six others are found stored; the two versions of the first replace each other again, in order
        assertThat(again.countOf(IngestOutcome.UNCHANGED)).isEqualTo(6);
        assertThat(again.countOf(IngestOutcome.ADDED)).isZero();
        assertThat(archive.stats().articles()).isEqualTo(7);
        assertThat(archive.findArticle(tram).orElseThrow().body()).contains("July");
    }
}
