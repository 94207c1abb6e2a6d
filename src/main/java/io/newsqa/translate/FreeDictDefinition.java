package io.newsqa.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The senses of one FreeDict definition as dictd serves it (plain text generated from the TEI
 * source): a first line with the headword and its pronunciation between slashes, then either one
 * translation on one line or numbered lines {@code "1. sense"}, most common sense first.
 *
 * <pre>
 * Abandon /ɐbˈandən/
 * 1. يترك
 * 2. يتخلّى عن
 * </pre>
 */
final class FreeDictDefinition {

    private static final Pattern SENSE_NUMBER = Pattern.compile("^\\d+\\.\\s*");
    /** Trailing commas (Latin or Arabic) and semicolons the converter left on some senses. */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,،;؛.]+$");

    private static final Pattern SENSE_SEPARATOR = Pattern.compile("[،؛]");

    private FreeDictDefinition() {}

    /** The senses in the dictionary's order, without numbering, duplicates removed; may be empty. */
    static List<String> senses(String definition) {
        String[] lines = definition.split("\n");
        List<String> senses = new ArrayList<>(lines.length);
        // Line 0 repeats the headword (and its pronunciation): not a translation.
        for (int i = 1; i < lines.length; i++) {
            String line = TRAILING_PUNCTUATION
                    .matcher(SENSE_NUMBER.matcher(lines[i].strip()).replaceFirst(""))
                    .replaceFirst("")
                    .strip();
            // An Arabic comma or semicolon separates translations on one line ("الحساب، الفاتورة"),
            // or a translation from its gloss ("اليمنيّ، مواطن من اليمن"): each is a sense of its own.
            for (String part : SENSE_SEPARATOR.split(line)) {
                String sense = part.strip();
                if (!sense.isEmpty() && !senses.contains(sense)) {
                    senses.add(sense);
                }
            }
        }
        return senses;
    }
}
