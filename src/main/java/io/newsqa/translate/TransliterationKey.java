package io.newsqa.translate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** Every reading of up to five و and ي; a longer word keeps the readings with its first ones as consonants. */
    private static final int MAX_ARABIC_KEYS = 32;

    private TransliterationKey() {}

    /** The key of a lower- or upper-case Latin word; empty for words with other characters. */
    static String latin(String word) {
        return latin(word, false);
    }

    /** @param vowels whether to mark vowels with their quality, {@code A}, {@code I} or {@code U} (a skeleton, see {@link #skeletons}) */
    private static String latin(String word, boolean vowels) {
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
                case "sh", "ch" -> {
                    append(key, 'S');
                    i++;
                    continue;
                }
                case "th" -> {
                    append(key, 'T');
                    i++;
                    continue;
                }
                case "ph" -> {
                    append(key, 'F');
                    i++;
                    continue;
                }
                case "gh" -> {
                    append(key, 'G');
                    i++;
                    continue;
                }
                case "kh", "ck" -> {
                    append(key, 'K');
                    i++;
                    continue;
                }
                default -> {}
            }
            switch (c) {
                case 'b', 'p' -> append(key, 'B');
                case 'f', 'v' -> append(key, 'F');
                case 'g', 'j' -> append(key, 'G');
                case 'k', 'q' -> append(key, 'K');
                case 'c' -> append(key, next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K');
                case 's', 'z' -> append(key, 'S');
                case 'x' -> {
                    append(key, 'K');
                    append(key, 'S');
                }
                case 't' -> append(key, 'T');
                case 'd' -> append(key, 'D');
                case 'l' -> append(key, 'L');
                case 'm' -> append(key, 'M');
                case 'n' -> append(key, 'N');
                case 'r' -> append(key, 'R');
                case 'w' -> append(key, isVowel(next) ? 'W' : vowels ? 'U' : 0);
                case 'y' -> append(key, isVowel(next) ? 'Y' : vowels ? 'I' : 0);
                case 'a' -> append(key, vowels ? 'A' : 0);
                case 'e', 'i' -> append(key, vowels ? 'I' : 0);
                case 'o', 'u' -> append(key, vowels ? 'U' : 0);
                default -> {} // h: Arabic spelling does not reliably show it
            }
        }
        return key.toString();
    }

    /** The keys of an Arabic word (already spelling-normalised), most consonantal first; empty for other words. */
    static List<String> arabic(String word) {
        return arabicKeys(word).stream().map(NameKey::key).toList();
    }

    /**
     * The keys of an Arabic word with their distances, nearest first; empty for words with other
     * characters. Every reading of its inner و and ي (consonant or long vowel) is as near as any
     * other, since the spelling cannot tell them apart; a word-initial و or ي is a consonant, and
     * a key with it dropped is one further (يريد "wants" is not Riyadh's RYD).
     */
    static List<NameKey> arabicKeys(String word) {
        return arabicReadings(word, false);
    }

    /**
     * Every reading of the word's letters: و and ي as consonant or long vowel, letters Latin
     * spells several ways (ق as q or g, ث as th or s, ذ as th, dh or z, ظ as d or z) as each.
     *
     * @param vowels whether to mark vowel letters, and letters Latin writes as vowels (ا, ع, ء…),
     *               with their quality {@code A}, {@code I} or {@code U}
     */
    private static List<NameKey> arabicReadings(String word, boolean vowels) {
        record Partial(StringBuilder key, int distance) {}
        List<Partial> keys = new ArrayList<>(List.of(new Partial(new StringBuilder(), 0)));
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == 'ت' && i + 1 < word.length() && word.charAt(i + 1) == 'ش') {
                keys.forEach(key -> append(key.key(), 'S')); // تش writes "ch"
                i++;
                continue;
            }
            char[] readings = switch (c) {
                case 'و' -> new char[] {'W', vowels ? 'U' : 0};
                case 'ي' -> new char[] {'Y', vowels ? 'I' : 0};
                case 'ق' -> new char[] {'K', 'G'};
                case 'ث' -> new char[] {'T', 'S'};
                case 'ذ' -> new char[] {'T', 'D', 'S'};
                case 'ظ' -> new char[] {'D', 'S'};
                default -> null;
            };
            if (readings != null) {
                boolean semivowel = c == 'و' || c == 'ي';
                List<Partial> next = new ArrayList<>();
                for (int r = 0; r < readings.length; r++) {
                    for (Partial key : keys) {
                        if (r == 0 || next.size() < MAX_ARABIC_KEYS) {
                            int further = semivowel && r > 0 && i == 0 ? 1 : 0;
                            next.add(new Partial(
                                    append(new StringBuilder(key.key()), readings[r]), key.distance() + further));
                        }
                    }
                }
                keys = next;
                continue;
            }
            char letter = arabicClass(c);
            if (letter == '?') {
                return List.of();
            }
            char written = letter == 0 && vowels ? arabicVowel(c) : letter;
            if (written != 0) {
                keys.forEach(key -> append(key.key(), written));
            }
        }
        Map<String, Integer> distinct = new LinkedHashMap<>();
        keys.stream()
                .sorted(Comparator.comparingInt(Partial::distance))
                .forEach(key -> distinct.putIfAbsent(key.key().toString(), key.distance()));
        List<NameKey> result = new ArrayList<>(distinct.size());
        distinct.forEach((key, distance) -> result.add(new NameKey(key, distance)));
        return result;
    }

    /** The vowel Latin most often writes for a letter the key leaves out; 0 for none (ه, ح, ة). */
    private static char arabicVowel(char c) {
        return switch (c) {
            case 'ا', 'آ', 'أ', 'ى', 'ء', 'ع' -> 'A';
            case 'إ', 'ئ' -> 'I';
            case 'ؤ' -> 'U';
            default -> 0;
        };
    }

    /**
     * A word's skeletons: its keys with its vowels marked by quality ({@code A}, {@code I},
     * {@code U}), where Latin writes every vowel and Arabic only long ones (and ا, ع, ء where Latin
     * often has a vowel). Two spellings of one name share a key and, mostly, its vowels:
     * "Mourinho" {@code MURINU} and مورينيو {@code MURINIU}, where the common word عمران has
     * {@code AMRAN}. Arabic words are read without their proclitics and article too.
     */
    static List<String> skeletons(String word) {
        if (!word.isEmpty() && word.charAt(0) < 0x0600) {
            String latin = latin(word, true);
            return latin.isEmpty() ? List.of() : List.of(latin);
        }
        List<String> skeletons = new ArrayList<>();
        for (String form : HeadwordForms.arabicName(word)) {
            arabicReadings(form, true).forEach(reading -> skeletons.add(reading.key()));
        }
        return skeletons;
    }

    /**
     * How far apart a Latin and an Arabic skeleton are: a Latin vowel Arabic leaves unwritten
     * costs 1 (short vowels are not written), an Arabic vowel Latin lacks or writes as another
     * vowel 2, a consonant class 3 (the key lookup already allowed at most one).
     */
    static int skeletonDistance(String latin, String arabic) {
        int[][] d = new int[latin.length() + 1][arabic.length() + 1];
        for (int i = 1; i <= latin.length(); i++) {
            d[i][0] = d[i - 1][0] + (isVowelMark(latin.charAt(i - 1)) ? 1 : 3);
        }
        for (int j = 1; j <= arabic.length(); j++) {
            d[0][j] = d[0][j - 1] + (isVowelMark(arabic.charAt(j - 1)) ? 2 : 3);
        }
        for (int i = 1; i <= latin.length(); i++) {
            for (int j = 1; j <= arabic.length(); j++) {
                char l = latin.charAt(i - 1);
                char a = arabic.charAt(j - 1);
                int same = d[i - 1][j - 1] + (l == a ? 0 : isVowelMark(l) && isVowelMark(a) ? 2 : 3);
                int latinOnly = d[i - 1][j] + (isVowelMark(l) ? 1 : 3);
                int arabicOnly = d[i][j - 1] + (isVowelMark(a) ? 2 : 3);
                d[i][j] = Math.min(same, Math.min(latinOnly, arabicOnly));
            }
        }
        return d[latin.length()][arabic.length()];
    }

    private static boolean isVowelMark(char c) {
        return c == 'A' || c == 'I' || c == 'U';
    }

    /** The consonant class of an Arabic letter read one way only (see {@link #arabicReadings}); 0 for letters a name's key leaves out; '?' for a non-Arabic character. */
    private static char arabicClass(char c) {
        return switch (c) {
            case 'ب', 'پ' -> 'B';
            case 'ت', 'ط' -> 'T';
            case 'ج', 'غ', 'گ' -> 'G';
            case 'خ', 'ك' -> 'K';
            case 'د', 'ض' -> 'D';
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
        if (letter != 0 && (key.isEmpty() || key.charAt(key.length() - 1) != letter)) {
            key.append(letter);
        }
        return key;
    }
}
