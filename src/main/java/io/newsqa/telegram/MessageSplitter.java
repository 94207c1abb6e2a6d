package io.newsqa.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a reply into Telegram messages (at most 4,096 characters each), between sentences where
 * it can, so that no message ends mid-sentence, and never inside an HTML tag or entity.
 */
final class MessageSplitter {

    static final int TELEGRAM_LIMIT = 4096;

    /**
     * After a sentence end (Latin or Arabic question mark, full stop, exclamation, ellipsis), with
     * an optional citation marker such as " [2]" that belongs to the sentence before it.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?؟…](?:\\s?\\[\\d{1,3}\\])?)\\s+|\\n+");

    /** A part of a reply: plain text (split at sentences, escaped here) or finished HTML kept whole. */
    sealed interface Part {}

    record Text(String text) implements Part {}

    /** A line of HTML; {@code paragraph} puts a blank line before it, else a line break. */
    record Markup(String html, boolean paragraph) implements Part {}

    private final int limit;

    MessageSplitter(int limit) {
        if (limit < 16) {
            throw new IllegalArgumentException(
                    "A message limit of " + limit + " characters is too small to split into.");
        }
        this.limit = limit;
    }

    MessageSplitter() {
        this(TELEGRAM_LIMIT);
    }

    /**
     * The reply as messages. A text starts a paragraph and its sentences are joined by a space;
     * markup starts a paragraph or a line, as it says.
     */
    List<String> split(List<Part> parts) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Part part : parts) {
            String separator = part instanceof Markup markup && !markup.paragraph() ? "\n" : "\n\n";
            for (String unit : units(part)) {
                String joined = current.isEmpty() ? unit : separator + unit;
                if (current.length() + joined.length() > limit) {
                    flush(current, messages);
                    joined = unit;
                }
                current.append(joined);
                separator = " ";
            }
        }
        flush(current, messages);
        return messages;
    }

    private static void flush(StringBuilder current, List<String> messages) {
        if (!current.isEmpty()) {
            messages.add(current.toString());
            current.setLength(0);
        }
    }

    /** Escaped sentences of a text, each at most the limit; markup as it is. */
    private List<String> units(Part part) {
        if (part instanceof Markup markup) {
            if (markup.html().length() > limit) {
                throw new IllegalArgumentException(
                        "An HTML part of " + markup.html().length()
                                + " characters cannot fit one message; pass long text as Text so it can be split.");
            }
            return List.of(markup.html());
        }
        List<String> units = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(((Text) part).text())) {
            if (!sentence.isBlank()) {
                cutLongSentence(sentence.strip(), units);
            }
        }
        return units;
    }

    /** A sentence longer than a message is cut between words, or, without spaces, anywhere. */
    private void cutLongSentence(String sentence, List<String> units) {
        String rest = sentence;
        while (Html.escape(rest).length() > limit) {
            int end = longestFittingPrefix(rest);
            int space = rest.lastIndexOf(' ', end);
            int cut = space > 0 ? space : end;
            if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                cut--;
            }
            units.add(Html.escape(rest.substring(0, cut).strip()));
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            units.add(Html.escape(rest));
        }
    }

    private int longestFittingPrefix(String text) {
        int escaped = 0;
        int i = 0;
        while (i < text.length()) {
            escaped += Html.escape(String.valueOf(text.charAt(i))).length();
            if (escaped > limit) {
                break;
            }
            i++;
        }
        return i;
    }
}
