package io.newsqa.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.answer.Answer;
import io.newsqa.answer.ExtractiveAnswerer;
import io.newsqa.answer.ExtractiveSettings;
import io.newsqa.answer.SentenceEmbedder;
import io.newsqa.answer.Source;
import io.newsqa.text.LanguageDetection;
import io.newsqa.translate.QuestionTranslation;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calibration tool, not a test: answers the questions of an answer dump
 * ({@code eval --answers -Dnewsqa.eval.answer-dump=FILE}) again over the passages they retrieved,
 * with the answerer as application.yml configures it ({@code -Dar=} another Arabic threshold,
 * {@code -Dtranslated=} another threshold for sentences in another language than the question's), and
 * writes one JSON line per question: answered and gold within 2 sentences before (as dumped) and now.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.newsqa.eval.AnswerReplay dump.jsonl replayed.jsonl
 * </pre>
 * ({@code ./mvnw -o dependency:build-classpath -Dmdep.outputFile=cp.txt} writes the class path).
 */
public class AnswerReplay {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        var translators = io.newsqa.translate.DictionaryTranslators.load(
                Path.of("/usr/share/dictd"), Path.of("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo"), 4);
        var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(
                new SentenceEmbedder(model, model),
                new ExtractiveSettings(
                        Map.of(
                                "ar",
                                Double.parseDouble(System.getProperty("ar", "0.48")),
                                "en",
                                1.0,
                                "default",
                                0.5,
                                "translated",
                                Double.parseDouble(System.getProperty("translated", "0.5"))),
                        Map.of("ar", 0.0, "en", 1.0, "default", 0.0),
                        3,
                        700),
                new QuestionTranslation(translators));
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode r = json.readTree(line);
                List<Source> sources = new ArrayList<>();
                for (JsonNode s : r.get("sources")) {
                    sources.add(new Source(
                            s.get("n").asInt(),
                            s.get("articleId").asText(),
                            s.get("title").asText(),
                            null,
                            s.get("publishedAt").isNull()
                                    ? null
                                    : OffsetDateTime.parse(s.get("publishedAt").asText()),
                            null,
                            s.get("language").asText(),
                            s.get("chunkOrdinal").asInt(),
                            s.get("text").asText(),
                            s.get("storyId").asText()));
                }
                String q = r.get("question").asText();
                Answer answer = answerer.answer(q, LanguageDetection.detect(q), sources);
                List<String> gold = new ArrayList<>();
                r.get("gold").forEach(g -> gold.add(g.asText()));
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("set", r.get("set").asText());
                f.put("archive", r.get("archive").asText());
                f.put("id", r.get("id").asText());
                f.put("impossible", r.get("impossible").asBoolean());
                f.put("q", q);
                f.put("before", r.get("found").asBoolean());
                f.put(
                        "beforeGold",
                        r.get("found").asBoolean()
                                && AnswerQuality.goldWithinSentences(
                                        r.get("answer").asText(), gold, 2));
                f.put("found", answer.found());
                f.put("gold", answer.found() && AnswerQuality.goldWithinSentences(answer.answer(), gold, 2));
                f.put("answer", answer.answer());
                out.println(json.writeValueAsString(f));
            }
        }
    }
}
