package io.newsqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.ingest.Chunker;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole evaluation on a two-paragraph Arabic/English pair, on both archives. */
class EvalRunnerTest {

    @TempDir
    Path dir;

    @Test
    void measuresEverySetAndMethodOnBothArchivesAndWritesJsonAndChart() throws IOException {
        SquadFile en = SquadFile.read(SquadFileTest.write(dir, "small.en.json", SquadFileTest.EN));
        SquadFile ar = SquadFile.read(SquadFileTest.write(dir, "small.ar.json", SquadFileTest.AR));
        EmbeddingModel embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
        EvalRunner.Settings settings = new EvalRunner.Settings(List.of("embedded", "postgres"), "all-minilm-l6-v2-q",
                language -> new FusionWeights(0.3, 1, 60), 2, Map.of("hybrid 0:1", language -> new FusionWeights(0, 1, 60)),
                new EvalDatabase(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        List<EvalResult> results = new EvalRunner(embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200),
                settings, new PrintStream(progress, true)).run(List.of(ar, en));

        // 2 archives x 4 sets x 4 methods, plus the baseline on 4 sets.
        assertThat(results).hasSize(2 * 4 * 4 + 4);
        assertThat(results).filteredOn(r -> r.method().equals("lexical") && r.questionSet().endsWith("→ar")
                        && r.questionSet().startsWith("ar"))
                .extracting(EvalResult::recallAt1).containsExactly(1.0, 1.0);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.recallAt1()).isBetween(0.0, r.recallAt5());
            assertThat(r.recallAt5()).isLessThanOrEqualTo(r.recallAt10());
            assertThat(r.p50Millis()).isPositive().isLessThanOrEqualTo(r.p95Millis());
        });
        assertThat(progress.toString()).contains("postgres: ingested 2 paragraphs of small.ar");

        Path json = dir.resolve("out/eval.json");
        EvalReport.writeJson(json, List.of("small.ar.json", "small.en.json"), Map.of("rrfK", 60), results);
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.path("results")).hasSize(results.size());
        assertThat(written.path("results").get(0).path("questionSet").asText()).isEqualTo("ar→ar");

        Path chart = dir.resolve("out/eval.png");
        EvalChart.write(chart, results);
        byte[] png = Files.readAllBytes(chart);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        assertThat(EvalReport.table(results)).contains("| ar→ar | hybrid | embedded | 2 |", "langchain4j-baseline");
    }
}
