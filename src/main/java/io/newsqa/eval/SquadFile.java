package io.newsqa.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.text.LanguageDetection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A question set in SQuAD v1.1 layout ({@code data[].paragraphs[].context} and
 * {@code paragraphs[].qas[].id/question/answers}): its paragraphs in file order and each question with
 * the index of the paragraph it was asked about and its gold answer texts. Titles are deliberately not read: in XQuAD they are
 * English in every language, and indexing them would measure the title rather than the system.
 *
 * @param name      the file name without {@code .json}, e.g. {@code xquad.ar}
 * @param language  the paragraphs' language (ISO 639-1), detected from their text
 * @param paragraphs the paragraph texts
 * @param questions the questions, each pointing into {@code paragraphs}
 */
public record SquadFile(String name, String language, List<String> paragraphs, List<Question> questions) {

    /**
     * One question, its gold paragraph and the gold answer texts (spans of that paragraph; empty
     * when the file gives none).
     */
    public record Question(String id, String text, int paragraph, List<String> answers) {

        public Question {
            answers = List.copyOf(answers);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws IllegalArgumentException when the file is missing, not JSON or not in SQuAD layout,
     *                                  naming the file and what is wrong
     */
    public static SquadFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file. Give SQuAD v1.1 JSON files, e.g. ../shared/eval/xquad/xquad.ar.json");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not readable JSON: " + e.getMessage(), e);
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException(file + " is not in SQuAD v1.1 layout: it has no \"data\" array");
        }
        List<String> paragraphs = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode article : data) {
            for (JsonNode paragraph : article.path("paragraphs")) {
                String context = paragraph.path("context").asText("").strip();
                if (context.isEmpty()) {
                    throw new IllegalArgumentException(file + ": paragraph " + (paragraphs.size() + 1) + " has no \"context\" text");
                }
                int index = paragraphs.size();
                paragraphs.add(context);
                for (JsonNode qa : paragraph.path("qas")) {
                    String id = qa.path("id").asText("");
                    String question = qa.path("question").asText("").strip();
                    if (id.isEmpty() || question.isEmpty()) {
                        throw new IllegalArgumentException(file + ": a question of paragraph " + (index + 1) + " lacks \"id\" or \"question\"");
                    }
                    if (!ids.add(id)) {
                        throw new IllegalArgumentException(file + ": question id " + id + " appears twice");
                    }
                    List<String> answers = new ArrayList<>();
                    for (JsonNode answer : qa.path("answers")) {
                        String answerText = answer.path("text").asText("").strip();
                        if (!answerText.isEmpty()) {
                            answers.add(answerText);
                        }
                    }
                    questions.add(new Question(id, question, index, answers));
                }
            }
        }
        if (paragraphs.isEmpty() || questions.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no paragraphs with questions");
        }
        String name = file.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        return new SquadFile(name, LanguageDetection.detect(String.join("\n", paragraphs.subList(0, Math.min(5, paragraphs.size())))),
                List.copyOf(paragraphs), List.copyOf(questions));
    }
}
