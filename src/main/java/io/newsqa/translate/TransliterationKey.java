package io.newsqa.translate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A spelling-independent key for a name in either script: its consonants reduced to classes
 * both scripts write alike, vowels dropped. "Manning" and مانينغ both become {@code MNG},
 * "Panthers" and بانثرز {@code BNTRS}, "Warsaw" and وارسو {@code WRS}. Arabic leaves short
 * vowels out and has no p, v or hard/soft g distinction, so the classes are as coarse as the
 * Arabic spelling forces them to be: p/b, v/f, g/j/gh, s/z/sh/ch, c/k/q, t/th/d-less.
 *
 * <p>An Arabic و or ي is a consonant (w, y) or a long vowel and the letters cannot say which, so an
 * Arabic word has several keys (each such letter kept or dropped); a Latin word has one, with w and
 * y kept only before a vowel.
 */
final class TransliterationKey {

    /** More would match too many unrelated words. */
    private static final int MAX_ARABIC_KEYS = 8;

    private TransliterationKey() {
    }

    /** The key of a lower- or upper-case Latin word; empty for words with other characters. */
    static String latin(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.isEmpty() || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            char next = i + 1 < w.length() ? w.charAt(i + 1) : ' ';
            String two = "" + c + next;
            switch (two) {
                case "sh", "ch" -> { append(key, 'S'); i++; continue; }
                case "th" -> { append(key, 'T'); i++; continue; }
                case "ph" -> { append(key, 'F'); i++; continue; }
                case "gh" -> { append(key, 'G'); i++; continue; }
                case "kh", "ck" -> { append(key, 'K'); i++; continue; }
                default -> { }
            }
            switch (c) {
                case 'b', 'p' -> append(key, 'B');
                case 'f', 'v' -> append(key, 'F');
                case 'g', 'j' -> append(key, 'G');
                case 'k', 'q' -> append(key, 'K');
                case 'c' -> append(key, next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K');
                case 's', 'z' -> append(key, 'S');
                case 'x' -> { append(key, 'K'); append(key, 'S'); }
                case 't' -> append(key, 'T');
                case 'd' -> append(key, 'D');
                case 'l' -> append(key, 'L');
                case 'm' -> append(key, 'M');
                case 'n' -> append(key, 'N');
                case 'r' -> append(key, 'R');
                case 'w' -> { if (isVowel(next)) append(key, 'W'); }
                case 'y' -> { if (isVowel(next)) append(key, 'Y'); }
                default -> { } // vowels and h: Arabic spelling does not reliably show them
            }
        }
        return key.toString();
    }

    /** The keys of an Arabic word (already spelling-normalised), most consonantal first; empty for other words. */
    static List<String> arabic(String word) {
        List<StringBuilder> keys = new ArrayList<>(List.of(new StringBuilder()));
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == 'ت' && i + 1 < word.length() && word.charAt(i + 1) == 'ش') {
                keys.forEach(key -> append(key, 'S')); // تش writes "ch"
                i++;
                continue;
            }
            if (c == 'و' || c == 'ي') {
                char semivowel = c == 'و' ? 'W' : 'Y';
                List<StringBuilder> withConsonant = new ArrayList<>();
                for (StringBuilder key : keys) {
                    if (keys.size() + withConsonant.size() < MAX_ARABIC_KEYS) {
                        withConsonant.add(append(new StringBuilder(key), semivowel));
                    }
                }
                keys.addAll(0, withConsonant);
                continue;
            }
            char letter = arabicClass(c);
            if (letter == '?') {
                return List.of();
            }
            if (letter != 0) {
                keys.forEach(key -> append(key, letter));
            }
        }
        Set<String> distinct = new LinkedHashSet<>();
        keys.forEach(key -> distinct.add(key.toString()));
        return List.copyOf(distinct);
    }

    /** The consonant class of an Arabic letter; 0 for letters a name's key leaves out; '?' for a non-Arabic character. */
    private static char arabicClass(char c) {
        return switch (c) {
            case 'ب', 'پ' -> 'B';
            case 'ت', 'ط', 'ث', 'ذ' -> 'T';
            case 'ج', 'غ', 'گ' -> 'G';
            case 'خ', 'ق', 'ك' -> 'K';
            case 'د', 'ض', 'ظ' -> 'D';
            case 'ر' -> 'R';
            case 'ز', 'س', 'ش', 'ص' -> 'S';
            case 'ف', 'ڤ' -> 'F';
            case 'ل' -> 'L';
            case 'م' -> 'M';
            case 'ن' -> 'N';
            case 'ا', 'أ', 'إ', 'آ', 'ء', 'ؤ', 'ئ', 'ى', 'ه', 'ة', 'ح', 'ع' -> 0;
            default -> Character.getType(c) == Character.NON_SPACING_MARK ? 0 : '?';
        };
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /** Appends a class unless it repeats the last one: doubled letters and letters split by a dropped vowel are one. */
    private static StringBuilder append(StringBuilder key, char letter) {
        if (key.isEmpty() || key.charAt(key.length() - 1) != letter) {
            key.append(letter);
        }
        return key;
    }
}
