package io.newsqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.StoredArticle;
import io.newsqa.archive.backend.ArchiveBackends;
import io.newsqa.archive.backend.ArchiveLocation;
import io.newsqa.embedding.EmbeddingModels;
import io.newsqa.embedding.Embeddings;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.support.EmbeddingSettings;
import io.newsqa.support.TestDatabase;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copy-archive} moves an archive between the embedded folder and PostgreSQL, vectors and
 * all, both ways, and can run again without doubling anything.
 */
class CopyArchiveCommandTest {

    private static Embeddings model;
    private static ArchiveModel archiveModel;

    @TempDir
    Path folders;

    private String schema;

    @BeforeAll
    static void loadModel() {
        model = EmbeddingModels.load(EmbeddingSettings.defaults());
        archiveModel = new ArchiveModel(model.id(), model.dimension());
    }

    @AfterEach
    void clear() {
        for (String key : List.of(
                "newsqa.data-dir", "newsqa.db.url", "newsqa.db.user", "newsqa.db.password", "newsqa.db.schema")) {
            System.clearProperty(key);
        }
        if (schema != null) {
            TestDatabase.dropSchema(schema);
        }
    }

    @Test
    void anEmbeddedArchiveGoesToPostgresAndBackUnchanged() {
        Path embedded = folders.resolve("embedded");
        List<StoredArticle> before;
        try (ArchiveIndex archive = ArchiveBackends.open(new ArchiveLocation.Folder(embedded), archiveModel)) {
            ingestTwo(archive);
            before = exported(archive);
        }
        schema = TestDatabase.freshSchemaName("copy_archive");
        configure(embedded, schema);

        CommandRun toPostgres = copy("--to", "postgres");
        CommandRun again = copy("--to", "postgres");

        assertThat(toPostgres.exitCode()).as(toPostgres.err()).isZero();
        assertThat(toPostgres.out()).contains("Copying 2 articles");
        assertThat(again.exitCode()).as(again.err()).isZero();
        try (HikariDataSource pool = TestDatabase.pool("copy-archive", 2);
                ArchiveIndex postgres = ArchiveBackends.open(new ArchiveLocation.Schema(pool, schema), archiveModel)) {
            assertThat(postgres.stats())
                    .as("run twice, stored once")
                    .isEqualTo(new ArchiveStats(
                            2, before.stream().mapToLong(s -> s.chunks().size()).sum()));
            assertSameArticlesAndVectors(exported(postgres), before);
        }

        Path back = folders.resolve("back");
        configure(back, schema);
        CommandRun toEmbedded = copy("--to", "embedded");

        assertThat(toEmbedded.exitCode()).as(toEmbedded.err()).isZero();
        try (ArchiveIndex archive = ArchiveBackends.open(new ArchiveLocation.Folder(back), archiveModel)) {
            assertSameArticlesAndVectors(exported(archive), before);
        }
    }

    @Test
    void withoutADatabaseItSaysWhatToSet() {
        System.setProperty("newsqa.data-dir", folders.resolve("only").toString());

        CommandRun run = copy("--to", "postgres");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("set NEWSQA_DB_URL");
    }

    private static void assertSameArticlesAndVectors(List<StoredArticle> copied, List<StoredArticle> original) {
        assertThat(copied)
                .extracting(StoredArticle::article)
                .containsExactlyInAnyOrderElementsOf(
                        original.stream().map(StoredArticle::article).toList());
        for (StoredArticle article : original) {
            StoredArticle copy = copied.stream()
                    .filter(c -> c.article().id().equals(article.article().id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(copy.chunks().get(0).embedding())
                    .as("the vector is copied, not embedded again")
                    .containsExactly(article.chunks().get(0).embedding());
        }
    }

    private static void configure(Path dataDir, String schema) {
        System.setProperty("newsqa.data-dir", dataDir.toString());
        System.setProperty("newsqa.db.url", TestDatabase.URL);
        System.setProperty("newsqa.db.user", TestDatabase.USER);
        System.setProperty("newsqa.db.password", TestDatabase.PASSWORD);
        System.setProperty("newsqa.db.schema", schema);
    }

    private static void ingestTwo(ArchiveIndex archive) {
        ArticleIngestor ingestor = new ArticleIngestor(archive, model.passages(), new Chunker(model.tokens(), 200));
        ingestor.ingest(new ParsedArticle(
                "Tram line opens in June",
                "The city's first tram line will carry passengers from June, the transport authority said.",
                "https://x.example/tram",
                "Gazette",
                OffsetDateTime.parse("2025-04-03T09:00:00Z"),
                "en"));
        ingestor.ingest(new ParsedArticle(
                "أعلن الكرملين عن اتصال هاتفي بين بوتين ونتنياهو",
                "أعلن الكرملين أن الرئيس الروسي فلاديمير بوتين أجرى اتصالا هاتفيا مع رئيس الوزراء الإسرائيلي.",
                "https://x.example/putin",
                "Gazette",
                OffsetDateTime.parse("2025-04-04T09:00:00Z"),
                "ar"));
    }

    private static List<StoredArticle> exported(ArchiveIndex archive) {
        List<StoredArticle> all = new ArrayList<>();
        archive.forEachArticle(all::add);
        return all;
    }

    private static CommandRun copy(String... args) {
        return CommandRun.of("copy-archive", args);
    }
}
