package io.newsqa.answer;

import io.newsqa.text.ArabicNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words and phrases looked up in a text as whole words, Arabic or English: "due to", "في ضوء",
 * "بسبب". Text and phrases are compared lower-cased and with Arabic spelling normalised
 * ({@link ArabicNormalizer}), and an Arabic word may carry the conjunction و / ف in front
 * ("وبسبب", "فلأن"), so one entry covers the forms a writer uses.
 */
final class WordCues {

    /** A word: letters (with their marks), or a number with its decimal or thousands separators. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+|\\p{N}+(?:[.,٫٬]\\p{N}+)*");

    private final List<String[]> phrases;

    private WordCues(List<String[]> phrases) {
        this.phrases = phrases;
    }

    static WordCues of(String... phrases) {
        List<String[]> split = new ArrayList<>();
        for (String phrase : phrases) {
            split.add(words(phrase).stream().map(Word::form).toArray(String[]::new));
        }
        return new WordCues(split);
    }

    /** A word of a text: its lower-cased, normalised form, where it starts, and how it was written. */
    record Word(String form, int start, String written) {

        boolean capitalised() {
            return Character.isUpperCase(written.codePointAt(0));
        }

        boolean number() {
            return Character.isDigit(written.codePointAt(0));
        }
    }

    /** The words of a text in order. */
    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String written = matcher.group();
            words.add(new Word(ArabicNormalizer.normalize(written).toLowerCase(Locale.ROOT), matcher.start(), written));
        }
        return words;
    }

    boolean foundIn(String text) {
        return firstIndexIn(words(text)) >= 0;
    }

    /** The index of the first word that starts one of the phrases, or -1. */
    int firstIndexIn(List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            if (startsAt(words, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether one of the phrases starts at word {@code i}. */
    boolean startsAt(List<Word> words, int i) {
        for (String[] phrase : phrases) {
            if (i + phrase.length <= words.size()
                    && sameWord(words.get(i).form(), phrase[0])
                    && Arrays.equals(
                            phrase,
                            1,
                            phrase.length,
                            words.subList(i + 1, i + phrase.length).stream()
                                    .map(Word::form)
                                    .toArray(String[]::new),
                            0,
                            phrase.length - 1)) {
                return true;
            }
        }
        return false;
    }

    /** The word as written, or with the Arabic conjunction و / ف before it. */
    private static boolean sameWord(String word, String cue) {
        return word.equals(cue)
                || word.length() == cue.length() + 1
                        && (word.charAt(0) == 'و' || word.charAt(0) == 'ف')
                        && word.endsWith(cue);
    }
}
