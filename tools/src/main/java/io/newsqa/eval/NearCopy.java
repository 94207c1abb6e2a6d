package io.newsqa.eval;

import io.newsqa.text.ArabicNormalizer;
import io.newsqa.text.SentenceSplitter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a retrieved article is a near copy of a question's gold paragraph as far as that
 * question goes: another newspaper's print of the same wire story holds the same answer, in the
 * same sentence. A hit on such a copy is a miss for paragraph recall, which cannot know the story
 * was printed twice; the evaluation reports it separately, beside the strict figure.
 *
 * <p>The rule: the candidate holds one of the gold answer texts, and at least
 * {@link #MIN_SHINGLE_CONTAINMENT} of the word trigrams of the gold sentence that holds that
 * answer. Comparing the answer's sentence, not the whole paragraph, lets a copy that was cut,
 * extended or re-edited elsewhere still count, while an article that merely names the same figure
 * or person in other words does not. Words are compared after {@link ArabicNormalizer#normalize}
 * and lower-casing, so that hamza and taa marbuta spellings of two papers agree.
 */
final class NearCopy {

    /**
     * Half of the answer sentence's trigrams: copies edited by another desk keep most of a
     * sentence's wording, two reports of one event in their own words share few trigrams.
     */
    static final double MIN_SHINGLE_CONTAINMENT = 0.5;

    private static final int SHINGLE = 3;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NearCopy() {}

    /**
     * @param goldParagraph the paragraph the question was asked about
     * @param answers       its gold answer texts (none: nothing can be checked, never a copy)
     * @param candidate     the text of the retrieved article
     */
    static boolean holdsAnswerOf(String goldParagraph, List<String> answers, String candidate) {
        List<String> candidateWords = words(candidate);
        String candidateText = String.join(" ", candidateWords);
        Set<String> candidateShingles = shingles(candidateWords);
        List<String> sentences = SentenceSplitter.split(goldParagraph);
        for (String answer : answers) {
            String answerText = String.join(" ", words(answer));
            if (answerText.isEmpty() || !contains(candidateText, answerText)) {
                continue;
            }
            for (String sentence : sentences) {
                List<String> sentenceWords = words(sentence);
                if (contains(String.join(" ", sentenceWords), answerText)
                        && containment(shingles(sentenceWords), candidateShingles) >= MIN_SHINGLE_CONTAINMENT) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whole words only: "12" is not in "2012". */
    private static boolean contains(String text, String words) {
        return (" " + text + " ").contains(" " + words + " ");
    }

    private static List<String> words(String text) {
        String normal = ArabicNormalizer.normalize(text).toLowerCase(Locale.ROOT);
        return NON_WORD.splitAsStream(normal).filter(w -> !w.isEmpty()).toList();
    }

    /** Word trigrams; a sentence shorter than three words is one shingle of its words. */
    private static Set<String> shingles(List<String> words) {
        Set<String> shingles = new HashSet<>();
        if (words.size() < SHINGLE) {
            if (!words.isEmpty()) {
                shingles.add(String.join(" ", words));
            }
            return shingles;
        }
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SHINGLE)));
        }
        return shingles;
    }

    private static double containment(Set<String> of, Set<String> in) {
        if (of.isEmpty()) {
            return 0;
        }
        long held = of.stream().filter(in::contains).count();
        return (double) held / of.size();
    }
}
