package io.newsqa.text;

import java.util.Objects;

/**
 * Spelling normalisation of Arabic text before it is indexed or searched, so that the same word
 * written with or without diacritics, with a different alef or a final ى/ة, is one term. Writers
 * and news wires disagree on these letters all the time; the meaning does not change.
 *
 * <p>Applies: removal of tatweel (ـ) and of the diacritics (harakat, tanwin, shadda, sukun and the
 * superscript alef); أ إ آ ٱ → ا; ى → ي; ة → ه. Text in other scripts passes through unchanged, so
 * it is safe to apply to any language.
 */
public final class ArabicNormalizer {

    private static final char TATWEEL = '\u0640';
    private static final char ALEF = '\u0627';
    private static final char YEH = '\u064A';
    private static final char HEH = '\u0647';

    private ArabicNormalizer() {}

    public static String normalize(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder result = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement = replacement(c);
            if (replacement == c) {
                if (result != null) {
                    result.append(c);
                }
                continue;
            }
            if (result == null) {
                // Most text needs no change: only copy once something differs.
                result = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (replacement != 0) {
                result.append(replacement);
            }
        }
        return result == null ? text : result.toString();
    }

    /** The character to write instead of {@code c}; {@code 0} to drop it. */
    private static char replacement(char c) {
        if (c == TATWEEL || isDiacritic(c)) {
            return 0;
        }
        return switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0671' -> ALEF; // آ أ إ ٱ
            case '\u0649' -> YEH; // ى (alef maksura)
            case '\u0629' -> HEH; // ة (teh marbuta)
            default -> c;
        };
    }

    /** Fathatan to sukun, the extended marks up to U+065F, and the superscript (dagger) alef. */
    private static boolean isDiacritic(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670';
    }
}
