package io.newsqa.text;

import java.util.regex.Pattern;

/**
 * Tells a sentence of a passage that is really a sub-heading or a caption: a short line without
 * end punctuation ("ما دلالات الإتصال الهاتفي بين بوتين ونتنياهو", "What the call means"). Such
 * lines name a topic; they answer nothing, so the extractive answer does not quote them (they stay
 * in the archive, where their words still help find the passage).
 *
 * <p>{@link SentenceSplitter} ends a sentence at every line break and the chunker keeps the line
 * break after a sentence without end punctuation, so in a stored passage such a line is a
 * sentence of its own. Longer lines without punctuation are kept: some dumps drop the full stop
 * after an article's last sentence, and some sources punctuate nothing at all.
 */
public final class SubHeadings {

    /** Words a sub-heading has at most: a longer line is more likely a sentence missing its full stop. */
    static final int MAX_WORDS = 12;

    private static final Pattern ENDS_A_SENTENCE = Pattern.compile("[.!?؟…:][\"'»”’)\\]]*$");
    private static final Pattern WORDS = Pattern.compile("\\s+");

    private SubHeadings() {}

    /** Whether the sentence reads as a sub-heading or caption rather than as a statement. */
    public static boolean isSubHeading(String sentence) {
        String text = sentence.strip();
        return !text.isEmpty() && !ENDS_A_SENTENCE.matcher(text).find() && WORDS.split(text).length <= MAX_WORDS;
    }
}
