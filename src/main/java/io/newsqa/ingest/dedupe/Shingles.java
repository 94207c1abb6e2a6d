package io.newsqa.ingest.dedupe;

import io.newsqa.text.LanguageAnalyzers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact set of word 3-shingles of a text (as hashes), and of the numbers it writes: what
 * containment is measured on. A text's content is contained in another's when nearly all its
 * shingles are there; a number it writes that the other does not is a different fact however
 * few shingles it changes. Words as {@link LanguageAnalyzers#words} gives them: lower-cased,
 * Arabic-normalised, any script's digits as ASCII ones (٢٠١٥ and 2015 are one number).
 */
final class Shingles {

    private static final int SHINGLE = 3;
    /**
     * A number as written in digits, wherever it stands in a word: glued to letters ("الجديد1436"),
     * with a decimal point or comma (11.8, 7,7).
     */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,٫]\\d+)?");

    /** Sorted, distinct. */
    private final int[] hashes;
    /** Hashes of the number tokens, sorted, distinct. */
    private final int[] numbers;

    private Shingles(int[] hashes, int[] numbers) {
        this.hashes = hashes;
        this.numbers = numbers;
    }

    static Shingles of(String text) {
        List<String> words = LanguageAnalyzers.words(text);
        // Shorter than one shingle ("(SPA)", a photo credit): no shingle, only its numbers count.
        int count = Math.max(0, words.size() - SHINGLE + 1);
        int[] hashes = new int[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = (words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2)).hashCode();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String word : words) {
            Matcher digits = NUMBER.matcher(word);
            while (digits.find()) {
                numbers.add(digits.group().hashCode());
            }
        }
        return new Shingles(
                distinct(hashes),
                distinct(numbers.stream().mapToInt(Integer::intValue).toArray()));
    }

    int size() {
        return hashes.length;
    }

    /** Shingles this set shares with the other. */
    int common(Shingles other) {
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < hashes.length && j < other.hashes.length) {
            int a = hashes[i];
            int b = other.hashes[j];
            if (a == b) {
                shared++;
                i++;
                j++;
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** Share of this text's shingles found in either of the others, 0 to 1 (1 for an empty text). */
    double containedIn(Shingles other, Shingles alsoThere) {
        if (hashes.length == 0) {
            return 1;
        }
        int found = 0;
        for (int hash : hashes) {
            if (Arrays.binarySearch(other.hashes, hash) >= 0 || Arrays.binarySearch(alsoThere.hashes, hash) >= 0) {
                found++;
            }
        }
        return (double) found / hashes.length;
    }

    /** True when every number this text writes is written in one of the others too. */
    boolean numbersIn(Shingles other, Shingles alsoThere) {
        for (int number : numbers) {
            if (Arrays.binarySearch(other.numbers, number) < 0 && Arrays.binarySearch(alsoThere.numbers, number) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int[] distinct(int[] values) {
        return Arrays.stream(values).sorted().distinct().toArray();
    }
}
