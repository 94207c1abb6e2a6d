package io.newsqa.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.embedding.EmbeddingModels;
import io.newsqa.embedding.Embeddings;
import io.newsqa.support.EmbeddingSettings;
import io.newsqa.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench-ingest on a small dump with the real default model: every run is measured on the same
 * articles (the model alone on exactly the pipeline's chunks), the PostgreSQL schema is dropped
 * afterwards, and leaving the plain ingestor out leaves out its row and ratio only.
 */
class IngestBenchmarkTest {

    private static Embeddings embeddings;

    @TempDir
    Path dir;

    @BeforeAll
    static void model() {
        embeddings = EmbeddingModels.load(EmbeddingSettings.defaults());
    }

    @Test
    void measuresThePipelineIntoBothArchivesTheModelAloneAndThePlainIngestorOnTheSameArticles() throws Exception {
        Path dump = dump(24);
        List<String> schemasBefore = benchSchemas();
        String out = run(dump, true, true);

        assertThat(out).contains("(24 articles)");
        int lucene = chunks(out, "NewsQA pipeline into Lucene");
        assertThat(lucene).isPositive();
        assertThat(chunks(out, "NewsQA pipeline into PostgreSQL")).isEqualTo(lucene);
        assertThat(chunks(out, "embedding model alone")).as("the same texts").isEqualTo(lucene);
        assertThat(chunks(out, "plain LangChain4j EmbeddingStoreIngestor")).isPositive();
        assertThat(out)
                .contains(
                        "| pipeline (Lucene) / model alone, chunks per second |",
                        "| pipeline (PostgreSQL) / model alone, chunks per second |",
                        "| pipeline (PostgreSQL) / plain ingestor, articles per second |",
                        "pipeline into Lucene: added 24, duplicates 0");
        assertThat(benchSchemas()).as("the benchmark schema is dropped").isEqualTo(schemasBefore);
    }

    @Test
    void withoutThePlainIngestorItsRowAndRatioAreLeftOut() throws Exception {
        String out = run(dump(6), false, false);
        assertThat(chunks(out, "NewsQA pipeline into Lucene")).isPositive();
        assertThat(chunks(out, "embedding model alone")).isPositive();
        assertThat(out).doesNotContain("plain LangChain4j EmbeddingStoreIngestor (", "/ plain ingestor");
    }

    private String run(Path dump, boolean postgres, boolean plain) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new IngestBenchmark(embeddings, 200, 32, 10, 3, out)
                    .run(
                            List.of(dump.toString()),
                            embeddings.id(),
                            postgres
                                    ? new IngestBenchmark.Postgres(
                                            TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD)
                                    : null,
                            plain);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Articles of random words from one vocabulary (so that none is a near copy of another), as a
     * JSON array dump in the SaudiNewsNet layout.
     */
    private Path dump(int articles) throws Exception {
        String[] words =
                ("council approved plan schools roads clinics budget minister water desert port trade oil prices market"
                                + " football league season coach hospital doctors patients summer heat festival museum airport flights weather"
                                + " police court ruling election parliament students university research energy solar farms rain housing")
                        .split(" ");
        Random random = new Random(42);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < articles; i++) {
            StringBuilder body = new StringBuilder();
            for (int sentence = 0; sentence < 6; sentence++) {
                for (int w = 0; w < 12; w++) {
                    body.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
                }
                body.append(". ");
            }
            json.append(i == 0 ? "" : ",")
                    .append(String.format(
                            """
                    {"source": "paper-%d", "url": "https://news.example/%d", "title": "Report %d", "date_extracted":                     "2015-07-2%d 10:00:00", "author": "", "content": "%s"}""", i % 3, i, i, i % 9, body.toString().trim()));
        }
        Path file = dir.resolve("dump.json");
        Files.writeString(file, json.append(']').toString());
        return file;
    }

    private static int chunks(String out, String run) {
        Matcher row = Pattern.compile("\\| " + Pattern.quote(run) + "[^|]*\\| (\\d+) \\| (\\d+) \\|")
                .matcher(out);
        assertThat(row.find()).as("row " + run + " in:\n" + out).isTrue();
        return Integer.parseInt(row.group(2));
    }

    private static List<String> benchSchemas() throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = TestDatabase.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench_ingest_%' ORDER BY 1");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        return schemas;
    }
}
