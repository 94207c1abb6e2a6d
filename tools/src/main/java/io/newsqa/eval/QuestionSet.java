package io.newsqa.eval;

import io.newsqa.eval.SquadFile.Question;
import io.newsqa.text.LanguageDetection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Questions asked of one corpus: a file's own questions over its own paragraphs, or, when two files
 * are translations of each other (the same question ids), one file's questions over the other's
 * paragraphs (cross-lingual). A file whose questions are in two scripts (Arabic questions and
 * English ones about the same Arabic articles) gives one set per question language.
 *
 * @param name      e.g. {@code ar→ar} or {@code en→ar}
 * @param language  the questions' language
 * @param corpus    the file whose paragraphs are searched
 * @param questions the questions, their {@code paragraph} pointing into the corpus
 */
public record QuestionSet(String name, String language, SquadFile corpus, List<Question> questions) {

    /** Every file's own sets, then both directions for each pair of files sharing all question ids. */
    public static List<QuestionSet> of(List<SquadFile> files) {
        List<QuestionSet> sets = new ArrayList<>();
        for (SquadFile file : files) {
            sets.addAll(ownSets(file));
        }
        for (SquadFile asked : files) {
            for (SquadFile searched : files) {
                if (asked != searched && sameQuestionIds(asked, searched)) {
                    sets.add(crossLingual(asked, searched));
                }
            }
        }
        return sets;
    }

    /**
     * The file's questions over its own paragraphs, one set per script: questions with an Arabic
     * letter (an Arabic question always has its question word; one naming "DNA" or "NFL" is still
     * Arabic), and the others, whose language is detected on all of them together (one short
     * question says little, a few hundred say it surely).
     */
    private static List<QuestionSet> ownSets(SquadFile file) {
        Map<Boolean, List<Question>> byScript = new LinkedHashMap<>();
        for (Question question : file.questions()) {
            byScript.computeIfAbsent(hasArabicLetter(question.text()), arabic -> new ArrayList<>())
                    .add(question);
        }
        if (byScript.size() == 1) {
            return List.of(
                    new QuestionSet(label(file, file, file.language()), file.language(), file, file.questions()));
        }
        List<QuestionSet> sets = new ArrayList<>();
        byScript.forEach((arabic, questions) -> {
            String language = arabic
                    ? "ar"
                    : LanguageDetection.detect(String.join(
                            "\n", questions.stream().map(Question::text).toList()));
            sets.add(new QuestionSet(label(file, file, language), language, file, questions));
        });
        return sets;
    }

    private static boolean hasArabicLetter(String text) {
        return text.codePoints()
                .anyMatch(
                        c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    private static String label(SquadFile asked, SquadFile searched, String questionLanguage) {
        String to = searched.language();
        return questionLanguage.equals(to) && asked != searched
                ? asked.name() + "→" + searched.name()
                : questionLanguage + "→" + to;
    }

    private static boolean sameQuestionIds(SquadFile a, SquadFile b) {
        return a.questions().size() == b.questions().size()
                && a.questions().stream()
                        .map(Question::id)
                        .collect(Collectors.toSet())
                        .equals(b.questions().stream().map(Question::id).collect(Collectors.toSet()));
    }

    /**
     * The asked file's question texts, with the gold paragraph and answers the same id has in the
     * searched file (an answer is quoted from the searched paragraphs, so it is in their language).
     */
    private static QuestionSet crossLingual(SquadFile asked, SquadFile searched) {
        Map<String, Question> goldById =
                searched.questions().stream().collect(Collectors.toMap(Question::id, Function.identity()));
        List<Question> questions = asked.questions().stream()
                .map(q -> {
                    Question gold = goldById.get(q.id());
                    return new Question(
                            q.id(), q.text(), gold.paragraph(), gold.answers(), gold.impossible(), q.referenceDate());
                })
                .toList();
        return new QuestionSet(label(asked, searched, asked.language()), asked.language(), searched, questions);
    }

    /** The questions the corpus answers: every one but SQuAD v2.0's unanswerable ones. */
    public List<Question> answerable() {
        return questions.stream().filter(q -> !q.impossible()).toList();
    }
}
