package io.newsqa.translate;

import io.newsqa.text.ArabicNormalizer;

/**
 * An Arabic word in Latin letters, for a reader who cannot read the script: الرياض → "al-Riyad",
 * لافروف → "Lafruf". A plain letter-by-letter reading (short vowels are not written in Arabic,
 * so none is invented; و and ي between letters read as the long vowels u and i), meant to let a
 * reader recognise a name, not to restore its usual English spelling.
 */
public final class ArabicToLatin {

    private ArabicToLatin() {}

    /** The word in Latin letters, its first letter capitalised; other characters kept as they are. */
    public static String of(String word) {
        String w = ArabicNormalizer.normalize(word);
        StringBuilder latin = new StringBuilder();
        int start = 0;
        if (w.startsWith("ال") && w.length() > 4) {
            latin.append("al-");
            start = 2;
        }
        int nameStart = latin.length();
        for (int i = start; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean first = i == start;
            boolean last = i == w.length() - 1;
            latin.append(
                    switch (c) {
                        case 'ا', 'آ' -> "a";
                        case 'ب' -> "b";
                        case 'ت', 'ط' -> "t";
                        case 'ث' -> "th";
                        case 'ج' -> "j";
                        case 'ح', 'ه' -> last && c == 'ه' ? "a" : "h"; // a final ه is mostly the normalised ة
                        case 'خ' -> "kh";
                        case 'د', 'ض' -> "d";
                        case 'ذ', 'ظ' -> "dh";
                        case 'ر' -> "r";
                        case 'ز' -> "z";
                        case 'س', 'ص' -> "s";
                        case 'ش' -> "sh";
                        case 'ع', 'ء', 'ئ', 'ؤ' -> first ? "" : "'";
                        case 'غ' -> "gh";
                        case 'ف' -> "f";
                        case 'ق' -> "q";
                        case 'ك' -> "k";
                        case 'ل' -> "l";
                        case 'م' -> "m";
                        case 'ن' -> "n";
                        case 'و' -> first ? "w" : "u";
                        case 'ي' -> first ? "y" : "i";
                        case 'ى' -> "a";
                        default -> String.valueOf(c);
                    });
        }
        if (latin.length() > nameStart) {
            latin.setCharAt(nameStart, Character.toUpperCase(latin.charAt(nameStart)));
        }
        return latin.toString();
    }
}
