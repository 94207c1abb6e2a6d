package io.newsqa.eval;

import io.newsqa.eval.SquadFile.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Questions asked of one corpus: a file's own questions over its own paragraphs, or, when two files
 * are translations of each other (the same question ids), one file's questions over the other's
 * paragraphs (cross-lingual).
 *
 * @param name      e.g. {@code ar→ar} or {@code en→ar}
 * @param language  the questions' language
 * @param corpus    the file whose paragraphs are searched
 * @param questions the questions, their {@code paragraph} pointing into the corpus
 */
public record QuestionSet(String name, String language, SquadFile corpus, List<Question> questions) {

    /** Every file's own set, then both directions for each pair of files sharing all question ids. */
    public static List<QuestionSet> of(List<SquadFile> files) {
        List<QuestionSet> sets = new ArrayList<>();
        for (SquadFile file : files) {
            sets.add(new QuestionSet(label(file, file), file.language(), file, file.questions()));
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

    private static String label(SquadFile asked, SquadFile searched) {
        String from = asked.language();
        String to = searched.language();
        return from.equals(to) && asked != searched ? asked.name() + "→" + searched.name() : from + "→" + to;
    }

    private static boolean sameQuestionIds(SquadFile a, SquadFile b) {
        return a.questions().size() == b.questions().size()
                && a.questions().stream().map(Question::id).collect(Collectors.toSet())
                        .equals(b.questions().stream().map(Question::id).collect(Collectors.toSet()));
    }

    /**
     * The asked file's question texts, with the gold paragraph and answers the same id has in the
     * searched file (an answer is quoted from the searched paragraphs, so it is in their language).
     */
    private static QuestionSet crossLingual(SquadFile asked, SquadFile searched) {
        Map<String, Question> goldById = searched.questions().stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
        List<Question> questions = asked.questions().stream()
                .map(q -> new Question(q.id(), q.text(), goldById.get(q.id()).paragraph(), goldById.get(q.id()).answers()))
                .toList();
        return new QuestionSet(label(asked, searched), asked.language(), searched, questions);
    }
}
