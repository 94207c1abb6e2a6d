package io.newsqa.translate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Arabic spellings a Latin-script name may have in Arabic news: "Putin" → بوتين, "Netanyahu" →
 * نتنياهو. Consonants map one to one; a short vowel inside a word is usually not written in
 * Arabic and a long one is, and Latin spelling cannot tell them apart, so each inner vowel gives
 * two spellings (written and not), and the archive's own vocabulary decides: spellings that
 * never occur in it match nothing and cost nothing in the lexical ranking.
 *
 * <p>Spellings use the normalised letters the archive indexes (ا for every alef, ه for ة), and
 * their number is capped so that a long name does not explode into hundreds of terms.
 */
final class NameTransliterator {

    static final int MAX_SPELLINGS = 16;

    private NameTransliterator() {}

    /** Candidate Arabic spellings, most likely first; empty for words with characters other than a–z. */
    static List<String> spellings(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.length() < 3 || !lower.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return List.of();
        }
        // Doubled Latin letters are one Arabic letter (Grammy → غرامي), except a doubled a, which
        // romanised Arabic writes for ع (Taawoun → تعاون, Zaatari → زعتري): marked here as '\''.
        String word = lower.replace("aa", "a'a").replaceAll("([a-z])\\1", "$1");
        List<List<String>> options = new ArrayList<>();
        int i = 0;
        while (i < word.length()) {
            if (word.charAt(i) == '\'') {
                options.add(List.of("ع", ""));
                i++;
                continue;
            }
            String two = i + 2 <= word.length() ? word.substring(i, i + 2) : "";
            List<String> digraph = digraph(two, i, word.length());
            if (digraph != null && i == 0 && isVowel(two.charAt(0))) { // Eid → عيد, Oun → اون
                String letter = digraph.get(0);
                options.add(List.of(letter, "ا" + letter, "ع" + letter));
                i += 2;
                continue;
            }
            if (digraph != null) {
                options.add(digraph);
                i += 2;
                continue;
            }
            char c = word.charAt(i);
            char next = i + 1 < word.length() ? word.charAt(i + 1) : ' ';
            boolean soft = c == 'c' && (next == 'e' || next == 'i' || next == 'y'); // City → سيتي
            options.add(
                    isVowel(c)
                            ? vowel(c, i, word.length())
                            : soft
                                    ? List.of("س")
                                    : c == 'h' ? aspirate(i, word) : consonant(c, i == word.length() - 1));
            i++;
        }
        Set<String> spellings = new LinkedHashSet<>();
        expand(options, 0, new StringBuilder(), spellings);
        return List.copyOf(spellings);
    }

    private static void expand(List<List<String>> options, int at, StringBuilder prefix, Set<String> out) {
        if (out.size() >= MAX_SPELLINGS) {
            return;
        }
        if (at == options.size()) {
            if (prefix.length() >= 2) {
                out.add(prefix.toString());
            }
            return;
        }
        for (String option : options.get(at)) {
            int length = prefix.length();
            prefix.append(option);
            expand(options, at + 1, prefix, out);
            prefix.setLength(length);
        }
    }

    private static List<String> digraph(String two, int at, int length) {
        return switch (two) {
            case "sh" -> List.of("ش");
            case "kh" -> List.of("خ");
            case "th" -> List.of("ث", "ت");
            case "gh" -> List.of("غ");
            case "ch" -> List.of("تش", "ش");
            case "ph" -> List.of("ف");
            case "ck" -> List.of("ك");
            case "oo", "ou" -> List.of("و");
            case "ee", "ea" -> List.of("ي");
            case "ai", "ay", "ei", "ey" -> at + 2 == length ? List.of("اي", "ي") : List.of("ي", "اي");
            default -> null;
        };
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /**
     * Latin h is ه or ح (Hajj → حج, Ahmed → أحمد), and after a final vowel the feminine ending
     * (Madinah → مدينه, normalised ة).
     */
    private static List<String> aspirate(int at, String word) {
        boolean endsAVowel = at == word.length() - 1 && at > 0 && isVowel(word.charAt(at - 1));
        return endsAVowel ? List.of("ه") : List.of("ه", "ح");
    }

    /**
     * Word-initial vowels are carried by an alef, or, in romanised Arabic names, stand for ع
     * (Eid → عيد, Omar → عمر); final ones are written long; inner ones may or may not be.
     */
    private static List<String> vowel(char c, int at, int length) {
        if (at == 0) {
            return switch (c) {
                case 'o', 'u' -> List.of("او", "ا", "ع");
                case 'i', 'e' -> List.of("ا", "اي", "عي");
                default -> List.of("ا", "ع");
            };
        }
        boolean last = at == length - 1;
        return switch (c) {
            case 'a' -> last ? List.of("ا", "ه") : List.of("ا", "");
            case 'e' -> last ? List.of("") : List.of("", "ي");
            case 'i' -> last ? List.of("ي") : List.of("ي", "");
            default -> last ? List.of("و") : List.of("و", ""); // o, u
        };
    }

    /** Arabic news writes g as غ or ج, and a final English s (Panthers) often as ز. */
    private static List<String> consonant(char c, boolean last) {
        if (c == 'g') {
            return List.of("ج", "غ");
        }
        if (c == 's' && last) {
            return List.of("س", "ز");
        }
        return List.of(consonantLetter(c));
    }

    private static String consonantLetter(char c) {
        return switch (c) {
            case 'b', 'p' -> "ب";
            case 't' -> "ت";
            case 'd' -> "د";
            case 'f', 'v' -> "ف";
            case 'k', 'c' -> "ك";
            case 'q' -> "ق";
            case 'j' -> "ج";
            case 'l' -> "ل";
            case 'm' -> "م";
            case 'n' -> "ن";
            case 'r' -> "ر";
            case 's' -> "س";
            case 'z' -> "ز";
            case 'h' -> "ه";
            case 'w' -> "و";
            case 'y' -> "ي";
            case 'x' -> "كس";
            default -> throw new IllegalArgumentException("not a consonant: " + c);
        };
    }
}
