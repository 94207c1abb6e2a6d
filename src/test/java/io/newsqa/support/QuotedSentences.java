package io.newsqa.support;

import io.newsqa.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The archive's sentences an extractive answer quotes: the text between its citation markers, or,
 * for a reader of another language than the source's, the sentences inside each framed «…» quote.
 */
public final class QuotedSentences {

    private static final Pattern FRAMED = Pattern.compile("«([^»]+)» \\[\\d+]");

    private QuotedSentences() {}

    public static List<String> of(String answer) {
        List<String> sentences = new ArrayList<>();
        Matcher framed = FRAMED.matcher(answer);
        while (framed.find()) {
            SentenceSplitter.split(framed.group(1)).stream().map(String::strip).forEach(sentences::add);
        }
        if (sentences.isEmpty()) {
            for (String quoted : answer.split(" \\[\\d+] ?")) {
                sentences.add(quoted.strip());
            }
        }
        return sentences;
    }
}
