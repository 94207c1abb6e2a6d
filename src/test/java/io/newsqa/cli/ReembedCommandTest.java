package io.newsqa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.StoredArticle;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.archive.postgres.PgVectorArchive;
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
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changing the embedding model: the old archive refuses the new model and names the way out,
 * {@code reembed}, which fills a new archive with every article embedded by the new model,
 * leaves the old one as it was, and can be run again without doubling anything.
 */
class ReembedCommandTest {

    private static final String NEW_MODEL = "bge-small-en-v1.5-q";
    private static Embeddings oldModel;
    private static Embeddings newModel;

    @TempDir
    Path folders;

    private final List<String> schemas = new ArrayList<>();

    @BeforeAll
    static void loadModels() {
        oldModel = EmbeddingModels.load(EmbeddingSettings.defaults());
        newModel = EmbeddingModels.load(EmbeddingSettings.builtIn(NEW_MODEL));
    }

    @AfterEach
    void clear() {
        for (String key : List.of(
                "newsqa.data-dir",
                "newsqa.embedding.model",
                "newsqa.db.url",
                "newsqa.db.user",
                "newsqa.db.password",
                "newsqa.db.schema")) {
            System.clearProperty(key);
        }
        schemas.forEach(TestDatabase::dropSchema);
    }

    @Test
    void theOldFolderRefusesTheNewModelAndReembedFillsANewOne() {
        Path old = folders.resolve("old");
        Path fresh = folders.resolve("new");
        List<StoredArticle> before;
        try (LuceneArchive archive = LuceneArchive.open(old, oldModel.id(), oldModel.dimension())) {
            ingestThree(archive);
            before = exported(archive);
        }
        assertThatThrownBy(() -> LuceneArchive.open(old, newModel.id(), newModel.dimension()))
                .hasMessageContaining(NEW_MODEL)
                .hasMessageContaining("newsqa reembed --from-data-dir " + old);

        System.setProperty("newsqa.data-dir", fresh.toString());
        System.setProperty("newsqa.embedding.model", NEW_MODEL);
        CommandRun first = reembed("--from-data-dir", old.toString());
        CommandRun again = reembed("--from-data-dir", old.toString());

        assertThat(first.exitCode()).as(first.out()).isZero();
        assertThat(first.out()).contains("Re-embedded 3 articles").contains("0 of 3 were there already");
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out()).contains("Re-embedded 0 articles").contains("3 of 3 were there already");
        try (LuceneArchive archive = LuceneArchive.open(fresh, newModel.id(), newModel.dimension())) {
            assertTheNewModelsCopyOf(before, archive);
        }
        try (LuceneArchive archive = LuceneArchive.open(old, oldModel.id(), oldModel.dimension())) {
            assertThat(exported(archive))
                    .usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(before);
        }
    }

    @Test
    void aPostgresSchemaIsReembeddedIntoAnotherSchema() {
        String oldSchema = schema("reembed_old");
        String newSchema = schema("reembed_new");
        try (HikariDataSource pool = TestDatabase.pool("reembed", 2)) {
            reembedSchema(pool, oldSchema, newSchema);
        }
    }

    private void reembedSchema(DataSource pool, String oldSchema, String newSchema) {
        List<StoredArticle> before;
        try (PgVectorArchive archive =
                PgVectorArchive.open(pool, false, oldModel.id(), oldModel.dimension(), oldSchema)) {
            ingestThree(archive);
            before = exported(archive);
        }
        assertThatThrownBy(() -> PgVectorArchive.open(pool, false, newModel.id(), newModel.dimension(), oldSchema))
                .hasMessageContaining("newsqa reembed --from-schema " + oldSchema);

        System.setProperty("newsqa.db.url", TestDatabase.URL);
        System.setProperty("newsqa.db.user", TestDatabase.USER);
        System.setProperty("newsqa.db.password", TestDatabase.PASSWORD);
        System.setProperty("newsqa.db.schema", newSchema);
        System.setProperty("newsqa.embedding.model", NEW_MODEL);
        CommandRun run = reembed("--from-schema", oldSchema, "--no-progress");

        assertThat(run.exitCode()).as(run.out()).isZero();
        try (PgVectorArchive archive =
                PgVectorArchive.open(pool, false, newModel.id(), newModel.dimension(), newSchema)) {
            assertTheNewModelsCopyOf(before, archive);
        }
        assertThat(PgVectorArchive.recordedModel(pool, oldSchema).orElseThrow().modelId())
                .isEqualTo(oldModel.id());
    }

    @Test
    void refusesToReadTheConfiguredArchiveItselfOrNothing() {
        Path folder = folders.resolve("same");
        try (LuceneArchive archive = LuceneArchive.open(folder, oldModel.id(), oldModel.dimension())) {
            ingestThree(archive);
        }
        System.setProperty("newsqa.data-dir", folder.toString());
        CommandRun same = reembed("--from-data-dir", folder.toString());
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("is the configured archive itself");

        System.setProperty("newsqa.data-dir", folders.resolve("target").toString());
        CommandRun nothing =
                reembed("--from-data-dir", folders.resolve("absent").toString());
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("There is no archive in the folder");
        assertThat(reembed().exitCode()).as("a source is required").isEqualTo(2);
    }

    private void assertTheNewModelsCopyOf(List<StoredArticle> before, ArchiveIndex archive) {
        List<StoredArticle> after = exported(archive);
        assertThat(after)
                .extracting(StoredArticle::article)
                .containsExactlyInAnyOrderElementsOf(
                        before.stream().map(StoredArticle::article).toList());
        assertThat(archive.stats())
                .isEqualTo(new ArchiveStats(
                        3, before.stream().mapToLong(s -> s.chunks().size()).sum()));
        // The vectors are the new model's: its question finds the tram article by meaning.
        float[] question = newModel.queries()
                .embed("When can people ride the new tram?")
                .content()
                .vector();
        assertThat(archive.denseSearch(question, 1, SearchFilter.none())
                        .get(0)
                        .article()
                        .url())
                .isEqualTo("https://x.example/tram");
        StoredArticle tram = after.stream()
                .filter(s -> s.article().url().equals("https://x.example/tram"))
                .findFirst()
                .orElseThrow();
        float[] stored = tram.chunks().get(0).embedding();
        float[] expected = newModel.passages()
                .embed(tram.article().title() + " (2025-04-03)\n"
                        + tram.chunks().get(0).text())
                .content()
                .vector();
        assertThat(CosineSimilarity.between(Embedding.from(stored), Embedding.from(expected)))
                .isGreaterThan(0.9999);
    }

    private static void ingestThree(ArchiveIndex archive) {
        ArticleIngestor ingestor =
                new ArticleIngestor(archive, oldModel.passages(), new Chunker(oldModel.tokens(), 200));
        ingestor.ingest(article(
                "Flood closes the coastal road",
                "The river burst its banks overnight and water covered"
                        + " the coastal road; the mayor called an emergency meeting.",
                "https://x.example/flood",
                "en"));
        ingestor.ingest(article(
                "Tram line opens in June",
                "The city's first tram line will carry passengers from June,"
                        + " the transport authority said, with tickets at two riyals.",
                "https://x.example/tram",
                "en"));
        ingestor.ingest(article(
                "أعلن الكرملين عن اتصال هاتفي بين بوتين ونتنياهو",
                "أعلن الكرملين أن الرئيس الروسي فلاديمير بوتين"
                        + " أجرى اتصالا هاتفيا مع رئيس الوزراء الإسرائيلي بنيامين نتنياهو للمرة الثانية.",
                "https://x.example/putin",
                "ar"));
    }

    private static ParsedArticle article(String title, String body, String url, String language) {
        return new ParsedArticle(title, body, url, "Gazette", OffsetDateTime.parse("2025-04-03T09:00:00Z"), language);
    }

    private static List<StoredArticle> exported(ArchiveIndex archive) {
        List<StoredArticle> all = new ArrayList<>();
        archive.forEachArticle(all::add);
        return all;
    }

    private String schema(String name) {
        String schema = TestDatabase.freshSchemaName(name);
        schemas.add(schema);
        return schema;
    }

    private static CommandRun reembed(String... args) {
        return CommandRun.of("reembed", args);
    }
}
