package io.newsqa.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Arabic and Latin-script text into sentences.
 *
 * <p>A sentence ends at {@code . ! ? ؟ …} followed by white space, and at every line break
 * (news text puts headlines, captions and paragraphs on lines of their own). A full stop does
 * not end a sentence inside a number (3.5), after a single capital letter (initials, "U.S.") or
 * after a common abbreviation. The Arabic comma ، and semicolon ؛ separate clauses, not
 * sentences; {@link #splitClauses} cuts at them when a sentence is too long to handle whole.
 */
public final class SentenceSplitter {

    /** End punctuation, with closing quotes or brackets that belong to the sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("([.!?؟…]+)([\"'»”’)\\]]*)(?=\\s)");
    private static final Pattern CLAUSE_END = Pattern.compile("[،؛;,:]\\s+");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "gov", "sen", "rep",
            "no", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "dept", "est", "approx", "jan", "feb", "mar",
            "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "p.m", "a.m", "u.s", "u.k", "u.n");

    private SentenceSplitter() {
    }

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\\R")) {
            splitLine(line.strip(), sentences);
        }
        return sentences;
    }

    private static void splitLine(String line, List<String> sentences) {
        if (line.isEmpty()) {
            return;
        }
        Matcher end = SENTENCE_END.matcher(line);
        int start = 0;
        while (end.find()) {
            if (end.group(1).equals(".") && isAbbreviationOrInitial(line, end.start())) {
                continue;
            }
            add(line.substring(start, end.end()), sentences);
            start = end.end();
        }
        add(line.substring(start), sentences);
    }

    /** Whether the word before the full stop at {@code dot} is an abbreviation or an initial. */
    private static boolean isAbbreviationOrInitial(String line, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(line.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = line.substring(wordStart, dot).replaceAll("^[\"'«“(\\[]+", "");
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        if (word.matches("(\\p{Lu}\\.)+\\p{Lu}")) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase());
    }

    private static void add(String sentence, List<String> sentences) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }

    /**
     * Cuts a long sentence at clause marks (، ؛ ; , :) into pieces of at least
     * {@code minCharacters} where possible; a sentence without clause marks stays whole.
     */
    public static List<String> splitClauses(String sentence, int minCharacters) {
        List<String> clauses = new ArrayList<>();
        Matcher mark = CLAUSE_END.matcher(sentence);
        int start = 0;
        while (mark.find()) {
            if (mark.end() - start >= minCharacters) {
                add(sentence.substring(start, mark.end()), clauses);
                start = mark.end();
            }
        }
        add(sentence.substring(start), clauses);
        return clauses;
    }
}
