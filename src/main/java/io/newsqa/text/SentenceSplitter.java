package io.newsqa.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Arabic and Latin-script text into sentences.
 *
 * <p>A sentence ends at {@code . ! ? ؟ …} (with any closing quotes or brackets) followed by white
 * space, and at every line break: news text puts headlines, captions and paragraphs on lines of
 * their own. Pages also glue Arabic sentences together ("المطروحة.واتفق"), so a stop between two
 * Arabic letters ends a sentence too. A full stop does not end a sentence
 * <ul>
 *   <li>inside a number or a numbered date (3.5, 2.8.2025): no white space follows it;</li>
 *   <li>after an initial or an abbreviation (J. R. Doe, U.S., Mr., e.g., د. for doctor);</li>
 *   <li>when the next word starts with a lower-case Latin letter (an abbreviation not in the list).</li>
 * </ul>
 * Two dots ".." are the Arabic headline pause ("للمرة الثانية خلال أسبوع.. بوتين يجري"), not an end.
 * The Arabic comma ، and semicolon ؛ separate clauses, not sentences; {@link #splitClauses} cuts
 * at them when a sentence is too long to handle whole.
 *
 * <p>Why not {@link java.text.BreakIterator}: with {@code Locale("ar")} it does not end a sentence
 * at ؟, and it splits after "Mr.", "U.S.", initials and "د.", so it would need more repair than
 * these rules are long.
 */
public final class SentenceSplitter {

    /** End punctuation, with the closing quotes or brackets that belong to the sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("([.!?؟…]+)([\"'»”’)\\]]*)");
    /** Clause marks followed by white space (so 40,000 and 12:30 are not cut). */
    private static final Pattern CLAUSE_END = Pattern.compile("[،؛;,:]\\s+");
    /** Leading quotes or brackets of a word, ignored when looking the word up. */
    private static final Pattern OPENING_MARKS = Pattern.compile("^[\"'«“‘(\\[]+");
    /** Dotted capital initials written together: U.S, U.N, E.U. */
    private static final Pattern DOTTED_CAPITALS = Pattern.compile("(\\p{Lu}\\.)+\\p{Lu}");

    /** Words that a full stop follows without ending the sentence (lower case, without the last dot). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            // titles and ranks
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "sr",
            "jr",
            "st",
            "mt",
            "gen",
            "col",
            "lt",
            "sgt",
            "capt",
            "gov",
            "sen",
            "rep",
            "rev",
            "hon",
            "pres",
            // Latin and references
            "no",
            "nos",
            "vs",
            "etc",
            "e.g",
            "i.e",
            "cf",
            "al",
            "fig",
            "vol",
            "pp",
            "ed",
            "approx",
            "est",
            "ca",
            // companies and places
            "inc",
            "ltd",
            "co",
            "corp",
            "dept",
            "univ",
            "ave",
            "blvd",
            "rd",
            // months and times
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "a.m",
            "p.m",
            // country initials written in lower case or mixed case
            "u.s",
            "u.k",
            "u.n",
            "e.u",
            // Arabic: د. doctor, أ. professor, أ.د. full professor, ص. page, ج. part. Not م.: after a
            // year ("عام 2025 م.") it ends sentences more often than it abbreviates "engineer".
            "د",
            "أ",
            "أ.د",
            "ص",
            "ج");

    private SentenceSplitter() {}

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\\R")) {
            splitLine(line.strip(), sentences);
        }
        return sentences;
    }

    private static void splitLine(String line, List<String> sentences) {
        Matcher end = SENTENCE_END.matcher(line);
        int start = 0;
        while (end.find()) {
            if (endsSentence(line, end)) {
                add(line.substring(start, end.end()), sentences);
                start = end.end();
            }
        }
        add(line.substring(start), sentences);
    }

    private static boolean endsSentence(String line, Matcher end) {
        String marks = end.group(1);
        int after = end.end();
        if (after == line.length()) {
            return true;
        }
        char next = line.charAt(after);
        if (!Character.isWhitespace(next)) {
            // Glued: only between two Arabic words ("المطروحة.واتفق"); 3.5, U.S.A, 2.8.2025 and
            // the initials of أ.د. stay whole.
            return arabicLettersBefore(line, end.start()) >= 2 && arabicLettersAfter(line, after) >= 2;
        }
        if (marks.equals("..")) {
            return false;
        }
        if (marks.equals(".")) {
            return !isAbbreviationOrInitial(line, end.start()) && !nextWordIsLowerCase(line, after);
        }
        return true;
    }

    /** Whether the word before the full stop at {@code dot} is an abbreviation or an initial. */
    private static boolean isAbbreviationOrInitial(String line, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(line.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = OPENING_MARKS.matcher(line.substring(wordStart, dot)).replaceFirst("");
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return DOTTED_CAPITALS.matcher(word).matches() || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean nextWordIsLowerCase(String line, int from) {
        int i = from;
        while (i < line.length()
                && (Character.isWhitespace(line.charAt(i)) || "\"'«“‘(".indexOf(line.charAt(i)) >= 0)) {
            i++;
        }
        return i < line.length() && Character.isLowerCase(line.charAt(i));
    }

    private static int arabicLettersBefore(String line, int index) {
        int count = 0;
        for (int i = index - 1; i >= 0 && isArabicLetter(line.charAt(i)); i--) {
            count++;
        }
        return count;
    }

    private static int arabicLettersAfter(String line, int index) {
        int count = 0;
        for (int i = index; i < line.length() && isArabicLetter(line.charAt(i)); i++) {
            count++;
        }
        return count;
    }

    /** An Arabic letter, or a vowel mark on one (تمامًا ends in a mark, whose script is "inherited"). */
    private static boolean isArabicLetter(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK
                || Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
    }

    private static void add(String sentence, List<String> sentences) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }

    /**
     * Cuts a sentence longer than {@code maxCharacters} at its clause marks (، ؛ ; , :), packing
     * consecutive clauses together while they fit in {@code maxCharacters}. A sentence that fits,
     * or has no clause marks, comes back whole; so does a single clause longer than the limit
     * (the caller decides how to cut it further). With {@code maxCharacters} 1 every clause is a
     * piece of its own.
     */
    public static List<String> splitClauses(String sentence, int maxCharacters) {
        if (maxCharacters < 1) {
            throw new IllegalArgumentException("maxCharacters must be at least 1, was " + maxCharacters);
        }
        String whole = sentence.strip();
        if (whole.length() <= maxCharacters) {
            return whole.isEmpty() ? List.of() : List.of(whole);
        }
        List<String> clauses = new ArrayList<>();
        Matcher mark = CLAUSE_END.matcher(whole);
        int start = 0;
        while (mark.find()) {
            add(whole.substring(start, mark.end()), clauses);
            start = mark.end();
        }
        add(whole.substring(start), clauses);

        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String clause : clauses) {
            if (!piece.isEmpty() && piece.length() + 1 + clause.length() > maxCharacters) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            if (!piece.isEmpty()) {
                piece.append(' ');
            }
            piece.append(clause);
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
