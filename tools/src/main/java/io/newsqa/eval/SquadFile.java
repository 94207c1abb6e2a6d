package io.newsqa.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.text.LanguageDetection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A question set in SQuAD v1.1 or v2.0 layout ({@code data[].title}, {@code data[].paragraphs[].context}
 * and {@code paragraphs[].qas[].id/question/answers}, v2.0's {@code is_impossible}): its paragraphs
 * in file order and each question with the index of the paragraph it was asked about and its gold
 * answer texts. A question may carry {@code reference_date} ({@code yyyy-mm-dd}): the day it is
 * asked on, "now" for its time words.
 *
 * <p>A paragraph without a letter or digit is skipped, with its questions, and counted: it cannot
 * be stored, searched or quoted. Titles are read but stored only when asked for ({@code --with-titles}):
 * in XQuAD they are English in every language.
 *
 * @param name              the file name without {@code .json}, e.g. {@code xquad.ar}
 * @param language          the paragraphs' language (ISO 639-1), detected from their text
 * @param articles          how many articles ({@code data} entries) the file has
 * @param paragraphs        the paragraphs kept, in file order
 * @param questions         the questions, each pointing into {@code paragraphs}
 * @param emptyParagraphs   paragraphs skipped for having no text
 * @param questionsOfEmpty  questions skipped with them
 */
public record SquadFile(
        String name,
        String language,
        int articles,
        List<Paragraph> paragraphs,
        List<Question> questions,
        int emptyParagraphs,
        int questionsOfEmpty) {

    /**
     * @param text    the context
     * @param title   its article's title, {@code ""} when the file gives none
     * @param article the index of its article in the file
     * @param date    its article's publication day ({@code data[].date}, yyyy-mm-dd), {@code null} when the file gives none
     */
    public record Paragraph(String text, String title, int article, LocalDate date) {}

    /**
     * One question, its paragraph and the gold answer texts (spans of that paragraph; empty when the
     * file gives none, and always for an unanswerable one).
     *
     * @param impossible    SQuAD v2.0's {@code is_impossible}: the paragraph does not answer it
     * @param referenceDate the day the question is asked on, or {@code null}
     */
    public record Question(
            String id, String text, int paragraph, List<String> answers, boolean impossible, LocalDate referenceDate) {

        public Question {
            answers = List.copyOf(answers);
        }

        /** The same question about another paragraph (of a translation, or of a split). */
        Question about(int otherParagraph, List<String> otherAnswers) {
            return new Question(id, text, otherParagraph, otherAnswers, impossible, referenceDate);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public SquadFile {
        paragraphs = List.copyOf(paragraphs);
        questions = List.copyOf(questions);
    }

    /** The text of paragraph {@code index}. */
    public String text(int index) {
        return paragraphs.get(index).text();
    }

    /**
     * @throws IllegalArgumentException when the file is missing, not JSON or not in SQuAD layout,
     *                                  naming the file and what is wrong
     */
    public static SquadFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file
                    + ": no such file. Give SQuAD v1.1 or v2.0 JSON files, e.g. ../shared/eval/xquad/xquad.ar.json");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not readable JSON: " + e.getMessage(), e);
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException(file + " is not in SQuAD layout: it has no \"data\" array");
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int empty = 0;
        int questionsOfEmpty = 0;
        int seen = 0;
        for (int article = 0; article < data.size(); article++) {
            String title =
                    data.get(article).path("title").asText("").replace('_', ' ').strip();
            LocalDate date = articleDate(file, data.get(article));
            for (JsonNode paragraph : data.get(article).path("paragraphs")) {
                seen++;
                String context = paragraph.path("context").asText("").strip();
                boolean hasText = context.codePoints().anyMatch(Character::isLetterOrDigit);
                int index = paragraphs.size();
                for (JsonNode qa : paragraph.path("qas")) {
                    Question question = question(file, seen, qa, index);
                    if (!ids.add(question.id())) {
                        throw new IllegalArgumentException(file + ": question id " + question.id() + " appears twice");
                    }
                    if (hasText) {
                        questions.add(question);
                    } else {
                        questionsOfEmpty++;
                    }
                }
                if (hasText) {
                    paragraphs.add(new Paragraph(context, title, article, date));
                } else {
                    empty++;
                }
            }
        }
        if (paragraphs.isEmpty() || questions.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no paragraphs with questions");
        }
        String name = file.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        String sample = String.join(
                "\n",
                paragraphs.subList(0, Math.min(5, paragraphs.size())).stream()
                        .map(Paragraph::text)
                        .toList());
        return new SquadFile(
                name, LanguageDetection.detect(sample), data.size(), paragraphs, questions, empty, questionsOfEmpty);
    }

    private static LocalDate articleDate(Path file, JsonNode article) {
        String text = article.path("date").asText("").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": article date '" + text + "' is not yyyy-mm-dd");
        }
    }

    private static Question question(Path file, int paragraphNumber, JsonNode qa, int index) {
        String id = qa.path("id").asText("");
        String text = qa.path("question").asText("").strip();
        if (id.isEmpty() || text.isEmpty()) {
            throw new IllegalArgumentException(
                    file + ": a question of paragraph " + paragraphNumber + " lacks \"id\" or \"question\"");
        }
        boolean impossible = qa.path("is_impossible").asBoolean(false);
        List<String> answers = new ArrayList<>();
        if (!impossible) {
            for (JsonNode answer : qa.path("answers")) {
                String answerText = answer.path("text").asText("").strip();
                if (!answerText.isEmpty()) {
                    answers.add(answerText);
                }
            }
        }
        LocalDate referenceDate = null;
        String date = qa.path("reference_date").asText("").strip();
        if (!date.isEmpty()) {
            try {
                referenceDate = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        file + ": question " + id + " has reference_date \"" + date
                                + "\", which is not a day: write it as yyyy-mm-dd, e.g. 2015-07-23",
                        e);
            }
        }
        return new Question(id, text, index, answers, impossible, referenceDate);
    }

    /**
     * The paragraphs of the articles in {@code split} (by article, in file order) and their
     * questions, the questions pointing into the kept paragraphs.
     */
    public SquadFile split(Split split) {
        if (split == Split.ALL) {
            return this;
        }
        int[] newIndex = new int[paragraphs.size()];
        List<Paragraph> kept = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            newIndex[i] = -1;
            if (split.holds(paragraphs.get(i).article(), articles)) {
                newIndex[i] = kept.size();
                kept.add(paragraphs.get(i));
            }
        }
        List<Question> keptQuestions = questions.stream()
                .filter(q -> newIndex[q.paragraph()] >= 0)
                .map(q -> q.about(newIndex[q.paragraph()], q.answers()))
                .toList();
        if (keptQuestions.isEmpty()) {
            throw new IllegalArgumentException(name + " has no questions in its " + split.label() + " split ("
                    + articles + " articles): evaluate it with --split all");
        }
        return new SquadFile(name, language, articles, kept, keptQuestions, emptyParagraphs, questionsOfEmpty);
    }
}
