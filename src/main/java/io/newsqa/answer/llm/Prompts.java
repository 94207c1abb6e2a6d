package io.newsqa.answer.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt templates of {@code prompts/}, read once at start-up: from a folder when one is
 * configured (a deployment edits its prompts there without rebuilding), else the copies packaged
 * in the jar. A configured folder must hold all four files, so that a typo in a path fails at
 * start-up rather than silently mixing in the packaged prompts.
 *
 * <p>Placeholders are {@code {{name}}}; values are inserted verbatim and never re-scanned, so
 * source text containing braces cannot inject into the template.
 */
public final class Prompts {

    public static final String SYSTEM = "system.txt";
    public static final String ANSWER = "answer.txt";
    public static final String COMPRESS_QUERY = "compress-query.txt";
    public static final String TRANSLATE_QUERY = "translate-query.txt";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z_]+)\\s*}}");

    private final String system;
    private final String answer;
    private final String compressQuery;
    private final String translateQuery;

    private Prompts(String system, String answer, String compressQuery, String translateQuery) {
        this.system = system;
        this.answer = answer;
        this.compressQuery = compressQuery;
        this.translateQuery = translateQuery;
        requirePlaceholders(ANSWER, answer, "sources", "question");
        requirePlaceholders(COMPRESS_QUERY, compressQuery, "conversation", "question");
        requirePlaceholders(TRANSLATE_QUERY, translateQuery, "languages", "question");
    }

    /** From {@code folder} when it is not {@code null}, else the packaged prompts. */
    public static Prompts load(Path folder) {
        if (folder == null) {
            return new Prompts(packaged(SYSTEM), packaged(ANSWER), packaged(COMPRESS_QUERY), packaged(TRANSLATE_QUERY));
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The prompts folder " + folder.toAbsolutePath() + " does not exist. Set"
                    + " NEWSQA_LLM_PROMPTS_DIR to a folder holding " + SYSTEM + ", " + ANSWER + ", " + COMPRESS_QUERY
                    + " and " + TRANSLATE_QUERY + " (copy them from prompts/ in the repository), or leave it empty"
                    + " for the packaged prompts.");
        }
        return new Prompts(
                file(folder, SYSTEM),
                file(folder, ANSWER),
                file(folder, COMPRESS_QUERY),
                file(folder, TRANSLATE_QUERY));
    }

    private static String packaged(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The packaged prompt prompts/" + name
                        + " is missing from the classpath:" + " the build did not copy prompts/ into the jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the packaged prompt " + name, e);
        }
    }

    private static String file(Path folder, String name) {
        Path path = folder.resolve(name);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The prompt " + path.toAbsolutePath() + " cannot be read (" + e
                            + "). Every prompts folder needs " + SYSTEM + ", " + ANSWER + ", " + COMPRESS_QUERY
                            + " and "
                            + TRANSLATE_QUERY + ".",
                    e);
        }
    }

    private static void requirePlaceholders(String name, String template, String... names) {
        java.util.Set<String> present = new java.util.HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            present.add(matcher.group(1));
        }
        for (String placeholder : names) {
            if (!present.contains(placeholder)) {
                throw new IllegalStateException("The prompt " + name + " lacks the placeholder {{" + placeholder
                        + "}}; without it the model would not see the " + placeholder + ".");
            }
        }
    }

    public String system() {
        return system.strip();
    }

    public String answer() {
        return answer;
    }

    public String compressQuery() {
        return compressQuery;
    }

    public String translateQuery() {
        return translateQuery;
    }

    /** The template with each {@code {{name}}} replaced by its value; unknown names stay as they are. */
    public String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(result, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(result);
        return result.toString().strip();
    }
}
