package io.newsqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.answer.ExtractiveAnswerer;
import io.newsqa.answer.ExtractiveSettings;
import io.newsqa.answer.SentenceEmbedder;
import io.newsqa.ingest.Chunker;
import io.newsqa.retrieve.FusionWeights;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extractive answer measured by {@code eval --answers} on a small Arabic/English pair: each
 * question asked with and without its paragraph, the fourth paragraph of each file answering the
 * tram question a second time, so that this question's negative is (rightly) answered.
 */
class AnswerQualityTest {

    static final String EN = """
            {"version": "1.1", "data": [{"title": "City", "paragraphs": [
              {"context": "The new tram line opens in June with twelve stations.",
               "qas": [{"id": "q1", "question": "When does the tram line open?", "answers": [{"text": "June", "answer_start": 29}]}]},
              {"context": "The museum reopened after a long restoration of its roof.",
               "qas": [{"id": "q2", "question": "What was restored at the museum?", "answers": [{"text": "its Roof", "answer_start": 50}]}]},
              {"context": "The football club signed a new goalkeeper from Lisbon.",
               "qas": [{"id": "q3", "question": "Where is the new goalkeeper of the football club from?", "answers": [{"text": "Lisbon.", "answer_start": 47}]}]},
              {"context": "City officials confirmed that the tram line will open to passengers in June.", "qas": []}]}]}
            """;
    static final String AR = """
            {"version": "1.1", "data": [{"title": "City", "paragraphs": [
              {"context": "يفتتح خط الترام الجديد في يونيو ويضم اثنتي عشرة محطة.",
               "qas": [{"id": "q1", "question": "متى يفتتح خط الترام الجديد؟", "answers": [{"text": "يُونيو", "answer_start": 27}]}]},
              {"context": "أعيد افتتاح المتحف الوطني بعد ترميم سقفه القديم.",
               "qas": [{"id": "q2", "question": "متى أعيد افتتاح المتحف الوطني؟", "answers": [{"text": "بعد ترميم سقفه", "answer_start": 26}]}]},
              {"context": "وقع نادي كرة القدم عقدا مع حارس مرمى جديد قادم من لشبونة.",
               "qas": [{"id": "q3", "question": "من أين جاء حارس مرمى نادي كرة القدم؟", "answers": [{"text": "لشبونة", "answer_start": 50}]}]},
              {"context": "أكد مسؤولو المدينة أن خط الترام الجديد يفتتح للركاب في يونيو.", "qas": []}]}]}
            """;

    @TempDir
    static Path dir;

    static SquadFile en;
    static SquadFile ar;
    static EmbeddingModel embeddings;

    @BeforeAll
    static void files() throws IOException {
        en = SquadFile.read(SquadFileTest.write(dir, "city.en.json", EN));
        ar = SquadFile.read(SquadFileTest.write(dir, "city.ar.json", AR));
        embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** As application.yml configures the answer. */
    private static AnswerQuality quality(int every) {
        return quality(embeddings, every);
    }

    static AnswerQuality quality(EmbeddingModel embeddings, int every) {
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(
                new SentenceEmbedder(embeddings),
                new ExtractiveSettings(
                        Map.of("ar", 0.5, "en", 1.0, "default", 0.5),
                        Map.of("ar", 0.0, "en", 1.0, "default", 0.0),
                        3,
                        700));
        return new AnswerQuality(answerer, 6, every);
    }

    private static List<AnswerScore> run(AnswerQuality quality, ByteArrayOutputStream progress) {
        EvalRunner.Settings settings = new EvalRunner.Settings(
                List.of("embedded"),
                "all-minilm-l6-v2-q",
                language -> "ar".equals(language) ? new FusionWeights(0, 1, 60) : new FusionWeights(0.3, 1, 60),
                2,
                Map.of(),
                new EvalDatabase(null, null, null));
        new EvalRunner(
                        embeddings,
                        new Chunker(new HuggingFaceTokenCountEstimator(), 200),
                        settings,
                        new PrintStream(progress, true))
                .withAnswers(quality)
                .run(List.of(ar, en));
        return quality.scores();
    }

    @Test
    void everyQuestionIsAskedWithAndWithoutItsParagraphInEachSameLanguageSet() throws IOException {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<AnswerScore> scores = run(quality(1), progress);

        assertThat(scores)
                .extracting(AnswerScore::questionSet)
                .as("cross-lingual sets too, over each corpus")
                .containsExactly("ar→ar", "en→ar", "en→en", "ar→en");
        assertThat(scores)
                .filteredOn(score -> score.questionSet().contains("→ar"))
                .extracting(AnswerScore::questions)
                .containsOnly(3);
        for (AnswerScore score : scores.stream()
                .filter(s -> s.questionSet().equals("ar→ar") || s.questionSet().equals("en→en"))
                .toList()) {
            assertThat(score.archive()).isEqualTo("embedded");
            assertThat(score.questions()).isEqualTo(3);
            assertThat(score.answered()).as(score.questionSet()).isEqualTo(1.0);
            assertThat(score.containsGold()).as(score.questionSet()).isEqualTo(1.0);
            assertThat(score.goldWithinTwoSentences()).as(score.questionSet()).isEqualTo(1.0);
            assertThat(score.meanAnswerChars()).as(score.questionSet()).isBetween(20.0, 700.0);
            assertThat(score.unanswerable()).isZero();
            assertThat(score.unanswerableRefusalPrecision())
                    .as("no unanswerable questions, no figure")
                    .isNull();
            // The tram question is still answered without its paragraph: by the fourth one.
            assertThat(score.refusalRecall()).as(score.questionSet()).isEqualTo(2.0 / 3);
            assertThat(score.refusalPrecision()).as(score.questionSet()).isEqualTo(1.0);
            assertThat(score.p50Millis()).isPositive();
        }
        assertThat(progress.toString())
                .contains("embedded en→en extractive answers (3 questions, 0 unanswerable): answered 1.000");
        assertThat(AnswerScore.table(scores))
                .contains("| en→en | hybrid | embedded | 3 | 1.000 | 1.000 | 1.000 |", "| 0 | – | – | 1.000 | 0.667 |");

        Path json = dir.resolve("eval.json");
        EvalReport.writeJson(json, List.of("city.ar.json", "city.en.json"), Map.of(), List.of(), scores);
        JsonNode answers = new ObjectMapper().readTree(json.toFile()).path("answers");
        assertThat(answers).hasSize(4);
        assertThat(answers.get(2).path("questionSet").asText()).isEqualTo("en→en");
        assertThat(answers.get(2).path("refusalRecall").asDouble()).isEqualTo(2.0 / 3);
        assertThat(answers.get(2).path("unanswerableRefusalRecall").isNull()).isTrue();

        Path chart = dir.resolve("eval-answers.png");
        EvalChart.writeAnswers(chart, scores);
        assertThat(Files.readAllBytes(chart)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void everyNthQuestionWhenSampled() {
        List<AnswerScore> scores = run(quality(2), new ByteArrayOutputStream());

        // Questions 1 and 3 of each set: the tram one answered without its paragraph, the goalkeeper one refused.
        assertThat(scores)
                .filteredOn(score -> score.questionSet().equals("ar→ar")
                        || score.questionSet().equals("en→en"))
                .hasSize(2)
                .allSatisfy(score -> {
                    assertThat(score.questions()).isEqualTo(2);
                    assertThat(score.refusalRecall()).isEqualTo(0.5);
                });
    }

    @Test
    void goldTextIsFoundWhateverTheDiacriticsCasePunctuationAndMarkers() {
        assertThat(AnswerQuality.containsGold("يفتتح الخط في يونيو [1].", List.of("يُونيو")))
                .isTrue();
        assertThat(AnswerQuality.containsGold("It opens on 3 June, 2025 [2].", List.of("3 June 2025")))
                .isTrue();
        assertThat(AnswerQuality.containsGold("Rebuilt in 1990 [1][2] by the city.", List.of("1990 by")))
                .isTrue();
        assertThat(AnswerQuality.containsGold("أعاد افتتاح المتحف [1].", List.of("أُعيد")))
                .isFalse();
        assertThat(AnswerQuality.containsGold("The archive does not say.", List.of("")))
                .isFalse();
    }

    @Test
    void goldWithinTwoSentencesOnlyWhenOneSentenceOrTwoNeighboursHoldIt() {
        String answer = "The line has twelve stations [1]. It opens in June [1]. The mayor will ride first [2].";

        assertThat(AnswerQuality.goldWithinSentences(answer, List.of("in June"), 2))
                .isTrue();
        assertThat(AnswerQuality.goldWithinSentences(answer, List.of("June. The mayor"), 2))
                .as("two neighbours")
                .isTrue();
        assertThat(AnswerQuality.goldWithinSentences(answer, List.of("stations It opens in June The mayor"), 2))
                .as("spans three sentences")
                .isFalse();
        assertThat(AnswerQuality.containsGold(answer, List.of("stations It opens in June The mayor")))
                .isTrue();
        assertThat(AnswerQuality.goldWithinSentences(answer, List.of("in July"), 2))
                .isFalse();
        assertThat(AnswerQuality.quoted(answer))
                .isEqualTo("The line has twelve stations. It opens in June. The mayor will ride first.");
    }
}
