package io.newsqa.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The evaluation's figures as a text table and as JSON. */
public final class EvalReport {

    private EvalReport() {}

    /** Rows grouped by question set, then method, then archive, in first-seen order. */
    public static List<EvalResult> ordered(List<EvalResult> results) {
        Map<String, Integer> setOrder = new LinkedHashMap<>();
        Map<String, Integer> methodOrder = new LinkedHashMap<>();
        results.forEach(r -> {
            setOrder.putIfAbsent(r.questionSet(), setOrder.size());
            methodOrder.putIfAbsent(r.method(), methodOrder.size());
        });
        return results.stream()
                .sorted(Comparator.<EvalResult>comparingInt(r -> setOrder.get(r.questionSet()))
                        .thenComparingInt(r -> methodOrder.get(r.method())))
                .toList();
    }

    /** The split evaluated and what each fresh archive held, as lines above the tables. */
    public static String heading(Split split, List<CorpusLoad> loads) {
        StringBuilder heading = new StringBuilder("Split: " + split.describe() + "\n");
        loads.forEach(
                load -> heading.append("Archive: ").append(load.describe()).append('\n'));
        return heading.append('\n').toString();
    }

    /** A Markdown table, readable as plain text too. */
    public static String table(List<EvalResult> results) {
        StringBuilder table = new StringBuilder();
        table.append("| set | method | archive | questions | r@1 | r@5 | r@10 | MRR@10 | p50 ms | p95 ms |\n");
        table.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (EvalResult r : ordered(results)) {
            table.append(String.format(
                    "| %s | %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f | %.1f |%n",
                    r.questionSet(),
                    r.method(),
                    r.archive(),
                    r.questions(),
                    r.recallAt1(),
                    r.recallAt5(),
                    r.recallAt10(),
                    r.mrr(),
                    r.p50Millis(),
                    r.p95Millis()));
        }
        return table.toString();
    }

    /** Writes {@code {"files": [...], "settings": {...}, "results": [...]}}. */
    public static void writeJson(
            Path file, List<String> inputs, Map<String, Object> settings, List<EvalResult> results) {
        writeJson(file, inputs, settings, results, List.of());
    }

    /** As above, with {@code "answers": [...]} (see {@link AnswerQuality}) when they were measured. */
    public static void writeJson(
            Path file,
            List<String> inputs,
            Map<String, Object> settings,
            List<EvalResult> results,
            List<AnswerScore> answers) {
        writeJson(file, inputs, Split.ALL, List.of(), settings, results, answers);
    }

    /**
     * {@code {"files": [...], "split": "dev", "corpora": [...], "settings": {...}, "results": [...],
     * "answers": [...]}}: the split evaluated and what each fresh archive held (paragraphs, empty ones
     * skipped, background articles loaded and skipped) along with the figures.
     */
    public static void writeJson(
            Path file,
            List<String> inputs,
            Split split,
            List<CorpusLoad> loads,
            Map<String, Object> settings,
            List<EvalResult> results,
            List<AnswerScore> answers) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("files", inputs);
        document.put("split", split.label());
        document.put("corpora", loads);
        document.put("settings", settings);
        document.put("results", ordered(results));
        if (!answers.isEmpty()) {
            document.put("answers", answers);
        }
        try {
            createParent(file);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
