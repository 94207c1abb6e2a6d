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

/** The whole evaluation on a two-paragraph Arabic/English pair, and on a messy SQuAD v2.0 file, on both archives. */
class EvalRunnerTest {

    @TempDir
    Path dir;

    private static final String HARBOUR = "The harbour authority opened a new container terminal in Dammam on Sunday."
            + " The terminal can handle two million containers a year. Officials said the project cost four billion riyals.";
    private static final String LIBRARY = "The city library lent out more than ninety thousand books last year,"
            + " a record for the reading club of the old town.";
    private static final String RAIN = "Heavy rain closed schools in Jeddah on Wednesday as the streets flooded.";

    /**
     * Overlapping windows of one text, a paragraph twice word for word, a near copy, empty and
     * invisible text, unanswerable questions, a question asked on a given day: what real SQuAD
     * files other than XQuAD hold.
     */
    static final String MESSY = """
            {"version": "v2.0", "data": [
              {"title": "Harbour", "paragraphs": [
                {"context": "%1$s",
                 "qas": [{"id": "h1", "question": "How many containers can the new Dammam terminal handle a year?",
                          "answers": [{"text": "two million containers", "answer_start": 0}]},
                         {"id": "h2", "question": "Who designed the new container terminal in Dammam?", "is_impossible": true,
                          "answers": [], "plausible_answers": [{"text": "The harbour authority", "answer_start": 0}]}]},
                {"context": "The terminal can handle two million containers a year. Officials said the project cost four billion riyals. Work on a second berth starts next spring.",
                 "qas": [{"id": "h3", "question": "When does work on the second berth of the terminal start?",
                          "answers": [{"text": "next spring", "answer_start": 0}]}]},
                {"context": "", "qas": [{"id": "h4", "question": "What is this?", "answers": []}]},
                {"context": "%1$s",
                 "qas": [{"id": "h5", "question": "How much did the Dammam terminal project cost?",
                          "answers": [{"text": "four billion riyals", "answer_start": 0}]}]}]},
              {"title": "Library", "paragraphs": [
                {"context": "%2$s",
                 "qas": [{"id": "l1", "question": "How many books did the city library lend out last year?",
                          "answers": [{"text": "ninety thousand books", "answer_start": 0}]}]},
                {"context": "%2$s It was a good year.",
                 "qas": [{"id": "l2", "question": "Which club set a record at the city library?",
                          "answers": [{"text": "the reading club of the old town", "answer_start": 0}]},
                         {"id": "l3", "question": "How many films did the city library show last year?", "is_impossible": true,
                          "answers": []}]},
                {"context": "  \u200f  ", "qas": [{"id": "l4", "question": "And this?", "answers": []}]}]},
              {"title": "Weather", "paragraphs": [
                {"context": "%3$s",
                 "qas": [{"id": "w1", "question": "Why were schools in Jeddah closed?",
                          "answers": [{"text": "Heavy rain", "answer_start": 0}]}]}]}]}
            """.formatted(HARBOUR, LIBRARY, RAIN);

    private static EvalRunner.Settings bothArchives() {
        return new EvalRunner.Settings(
                List.of("embedded", "postgres"),
                "all-minilm-l6-v2-q",
                language -> new FusionWeights(0.3, 1, 60),
                2,
                Map.of(),
                new EvalDatabase(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD));
    }

    @Test
    void anySquadFileIsEvaluatedEveryParagraphAsItsOwnArticle() throws IOException {
        SquadFile messy = SquadFile.read(SquadFileTest.write(dir, "messy.en.json", MESSY));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        AnswerQuality quality = AnswerQualityTest.quality(new AllMiniLmL6V2QuantizedEmbeddingModel(), 1);
        EvalRunner runner = new EvalRunner(
                        new AllMiniLmL6V2QuantizedEmbeddingModel(),
                        new Chunker(new HuggingFaceTokenCountEstimator(), 200),
                        bothArchives(),
                        new PrintStream(progress, true))
                .withAnswers(quality);

        List<EvalResult> results = runner.run(List.of(messy));

        assertThat(runner.loads()).hasSize(2).allSatisfy(load -> {
            assertThat(load.paragraphs())
                    .as("the near copy and both exact copies stored too")
                    .isEqualTo(6);
            assertThat(load.emptyParagraphs()).isEqualTo(2);
            assertThat(load.questionsOfEmpty()).isEqualTo(2);
        });
        // The unanswerable questions count for the answers only.
        assertThat(results).extracting(EvalResult::questions).containsOnly(6);
        assertThat(results).extracting(EvalResult::method).contains("langchain4j-baseline");
        assertThat(results)
                .filteredOn(r -> r.method().equals("hybrid"))
                .as("six paragraphs: every gold within the first five, the doubled one counting either copy")
                .extracting(EvalResult::recallAt5)
                .containsOnly(1.0);
        assertThat(quality.scores()).hasSize(2).allSatisfy(score -> {
            assertThat(score.questions()).isEqualTo(6);
            assertThat(score.unanswerable()).isEqualTo(2);
            assertThat(score.unanswerableRefusalRecall()).isBetween(0.0, 1.0);
            assertThat(score.goldWithinTwoSentences()).isLessThanOrEqualTo(score.containsGold());
            assertThat(score.meanAnswerChars()).isPositive();
        });
        assertThat(progress.toString())
                .contains("postgres messy.en: 6 paragraphs stored, 2 empty skipped (with their 2 questions)");
    }

    @Test
    void withoutTheBaselineOnlyTheArchivesAreMeasured() throws IOException {
        SquadFile messy = SquadFile.read(SquadFileTest.write(dir, "messy.en.json", MESSY));
        EvalRunner.Settings embeddedOnly = new EvalRunner.Settings(
                List.of("embedded"),
                "all-minilm-l6-v2-q",
                language -> new FusionWeights(0.3, 1, 60),
                2,
                Map.of(),
                new EvalDatabase(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        List<EvalResult> results = new EvalRunner(
                        new AllMiniLmL6V2QuantizedEmbeddingModel(),
                        new Chunker(new HuggingFaceTokenCountEstimator(), 200),
                        embeddedOnly,
                        new PrintStream(progress, true))
                .withoutBaseline()
                .run(List.of(messy));

        assertThat(results).extracting(EvalResult::archive).containsOnly("embedded");
        assertThat(results).extracting(EvalResult::method).contains("hybrid").doesNotContain("langchain4j-baseline");
        assertThat(progress.toString()).doesNotContain("LangChain4j baseline");
    }

    /**
     * A day's news as SaudiNewsNet ships it (a ZIP holding one JSON array): the rain paragraph
     * itself (skipped, and the source of its date), an article holding the library paragraph
     * (skipped), a near copy of the harbour paragraph (a duplicate for the ingest), and distractors,
     * one of them about rain in Jeddah on another day.
     */
    private Path dayZip() throws IOException {
        String articles = """
                [{"source": "okaz", "url": "http://example.com/rain", "date_extracted": "2015-07-22 09:00:00",
                  "title": "Rain in Jeddah", "content": "%1$s"},
                 {"source": "okaz", "url": "http://example.com/library", "date_extracted": "2015-07-21 09:00:00",
                  "title": "Library record", "content": "In other news: %2$s The mayor congratulated the staff."},
                 {"source": "spa", "url": "http://example.com/harbour", "date_extracted": "2015-07-20 09:00:00",
                  "title": "Dammam terminal", "content": "%3$s"},
                 {"source": "spa", "url": "http://example.com/forecast", "date_extracted": "2015-07-19 09:00:00",
                  "title": "Forecast", "content": "Heavy rain may close schools in Jeddah this week if the streets flood again."},
                 {"source": "spa", "url": "http://example.com/riyadh", "date_extracted": "2015-07-22 10:00:00",
                  "title": "Riyadh tunnels", "content": "Flash floods closed two tunnels in Riyadh and delayed flights at the airport."},
                 {"source": "spa", "url": "http://example.com/dates", "date_extracted": "2015-07-22 11:00:00",
                  "title": "Date festival", "content": "The date festival in Buraidah drew forty thousand visitors to its markets."}]
                """.formatted(RAIN, LIBRARY, HARBOUR.replace("Sunday", "Monday"));
        Path zip = dir.resolve("2015-07-22.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("2015-07-22.json"));
            out.write(articles.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    @Test
    void backgroundNewsIsStoredAroundTheParagraphsAndDatesTheOnesItHolds() throws IOException {
        SquadFile messy = SquadFile.read(
                SquadFileTest.write(
                        dir,
                        "messy.en.json",
                        MESSY.replace(
                                "\"question\": \"Why were schools in Jeddah closed?\",",
                                "\"question\": \"Why were schools in Jeddah closed yesterday?\", \"reference_date\": \"2015-07-23\",")));
        Background background = Background.read(List.of(dayZip()));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ByteArrayOutputStream misses = new ByteArrayOutputStream();
        EvalRunner runner = new EvalRunner(
                        new AllMiniLmL6V2QuantizedEmbeddingModel(),
                        new Chunker(new HuggingFaceTokenCountEstimator(), 200),
                        bothArchives(),
                        new PrintStream(progress, true))
                .withMisses(new PrintStream(misses, true, java.nio.charset.StandardCharsets.UTF_8));

        List<EvalResult> results = runner.run(List.of(messy), background);

        assertThat(background.size()).isEqualTo(6);
        assertThat(runner.loads()).hasSize(2).allSatisfy(load -> {
            assertThat(load.backgroundRead()).isEqualTo(6);
            assertThat(load.backgroundSkipped())
                    .as("the rain paragraph, and the article holding the library one")
                    .isEqualTo(2);
            assertThat(load.backgroundDuplicates())
                    .as("the harbour paragraph retold")
                    .isEqualTo(1);
            assertThat(load.backgroundAdded()).isEqualTo(3);
            assertThat(load.backgroundRejected()).isZero();
        });
        // "yesterday", asked on 2015-07-23, finds the rain paragraph dated by its source, not the forecast of the 19th.
        assertThat(results)
                .filteredOn(r -> r.method().equals("hybrid"))
                .extracting(EvalResult::recallAt5)
                .containsOnly(1.0);
        // With background news each archive method also gets the row where a near copy counts, never below the strict
        // one.
        for (EvalResult strict : results.stream()
                .filter(r -> !r.archive().equals("in-memory") && !r.method().endsWith(")"))
                .toList()) {
            EvalResult lenient = results.stream()
                    .filter(r -> r.archive().equals(strict.archive())
                            && r.questionSet().equals(strict.questionSet())
                            && r.method().equals(strict.method() + SetScoring.NEAR_COPY_SUFFIX))
                    .findFirst()
                    .orElseThrow();
            assertThat(lenient.recallAt1()).isGreaterThanOrEqualTo(strict.recallAt1());
            assertThat(lenient.recallAt10()).isGreaterThanOrEqualTo(strict.recallAt10());
        }
        String listed = misses.toString(java.nio.charset.StandardCharsets.UTF_8);
        long hybridMisses = results.stream()
                .filter(r -> r.method().equals("hybrid"))
                .mapToLong(r -> Math.round(r.questions() * (1 - r.recallAt1())))
                .sum();
        assertThat(listed.lines()
                        .filter(line -> line.split("\t")[2].equals("hybrid"))
                        .count())
                .isEqualTo(hybridMisses);
        assertThat(progress.toString())
                .contains(
                        "background: 6 articles read, 2 skipped as an evaluated paragraph, 3 loaded,"
                                + " 1 duplicates, 0 rejected",
                        "and 3 background articles for the LangChain4j baseline");
        assertThat(EvalReport.heading(Split.DEV, runner.loads()))
                .startsWith("Split: dev")
                .contains("embedded messy.en: 6 paragraphs stored");
        Path json = dir.resolve("background.json");
        EvalReport.writeJson(json, List.of("messy.en.json"), Split.DEV, runner.loads(), Map.of(), results, List.of());
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.path("split").asText()).isEqualTo("dev");
        assertThat(written.path("corpora").get(1).path("archive").asText()).isEqualTo("postgres");
        assertThat(written.path("corpora").get(1).path("backgroundSkipped").asInt())
                .isEqualTo(2);
    }

    @Test
    void measuresEverySetAndMethodOnBothArchivesAndWritesJsonAndChart() throws IOException {
        SquadFile en = SquadFile.read(SquadFileTest.write(dir, "small.en.json", SquadFileTest.EN));
        SquadFile ar = SquadFile.read(SquadFileTest.write(dir, "small.ar.json", SquadFileTest.AR));
        EmbeddingModel embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
        EvalRunner.Settings settings = new EvalRunner.Settings(
                List.of("embedded", "postgres"),
                "all-minilm-l6-v2-q",
                language -> new FusionWeights(0.3, 1, 60),
                2,
                Map.of("hybrid 0:1", language -> new FusionWeights(0, 1, 60)),
                new EvalDatabase(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        List<EvalResult> results = new EvalRunner(
                        embeddings,
                        new Chunker(new HuggingFaceTokenCountEstimator(), 200),
                        settings,
                        new PrintStream(progress, true))
                .run(List.of(ar, en));

        // 2 archives x 4 sets x 4 methods, plus the baseline on 4 sets.
        assertThat(results).hasSize(2 * 4 * 4 + 4);
        assertThat(results)
                .filteredOn(r -> r.method().equals("lexical")
                        && r.questionSet().endsWith("→ar")
                        && r.questionSet().startsWith("ar"))
                .extracting(EvalResult::recallAt1)
                .containsExactly(1.0, 1.0);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.recallAt1()).isBetween(0.0, r.recallAt5());
            assertThat(r.recallAt5()).isLessThanOrEqualTo(r.recallAt10());
            assertThat(r.p50Millis()).isPositive().isLessThanOrEqualTo(r.p95Millis());
        });
        assertThat(progress.toString()).contains("postgres: stored 2 paragraphs of small.ar");

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
