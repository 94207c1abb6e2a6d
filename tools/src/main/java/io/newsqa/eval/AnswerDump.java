package io.newsqa.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.answer.Answer;
import io.newsqa.answer.Source;
import io.newsqa.eval.SquadFile.Question;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every measured answer with the passages it was chosen from, one JSON object a line, when
 * {@code -Dnewsqa.eval.answer-dump=FILE} is set: answer thresholds can then be calibrated on the
 * retrieved passages without retrieving again.
 */
final class AnswerDump {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Writer out;

    private AnswerDump(Writer out) {
        this.out = out;
    }

    static AnswerDump fromSystemProperty() {
        String file = System.getProperty("newsqa.eval.answer-dump");
        if (file == null || file.isBlank()) {
            return new AnswerDump(null);
        }
        try {
            return new AnswerDump(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the answer dump " + file, e);
        }
    }

    /** @param archiveState "whole", or "removed" when the question's paragraph was deleted */
    synchronized void write(String set, String archiveState, Question question, List<Source> sources, Answer answer) {
        if (out == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("set", set);
        line.put("archive", archiveState);
        line.put("id", question.id());
        line.put("question", question.text());
        line.put("impossible", question.impossible());
        line.put("gold", question.answers());
        line.put(
                "referenceDate",
                question.referenceDate() == null
                        ? null
                        : question.referenceDate().toString());
        line.put("found", answer.found());
        line.put("answer", answer.answer());
        line.put(
                "sources",
                sources.stream()
                        .map(s -> {
                            Map<String, Object> source = new LinkedHashMap<>();
                            source.put("n", s.n());
                            source.put("articleId", s.articleId());
                            source.put("title", s.title());
                            source.put(
                                    "publishedAt",
                                    s.publishedAt() == null
                                            ? null
                                            : s.publishedAt().toString());
                            source.put("language", s.language());
                            source.put("chunkOrdinal", s.chunkOrdinal());
                            source.put("text", s.text());
                            source.put("storyId", s.storyId());
                            return source;
                        })
                        .toList());
        try {
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the answer dump", e);
        }
    }
}
