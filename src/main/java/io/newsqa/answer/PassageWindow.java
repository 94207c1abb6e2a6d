package io.newsqa.answer;

import io.newsqa.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * A retrieved chunk widened, within its article, to whole sentences and to the sentences around
 * it. The chunker cuts a sentence too long for one chunk at its clauses, so a chunk can start or
 * end mid-sentence ("…كانوا من سلالة الهوغونوت،" without the names that follow); and the sentence
 * that answers is often the one next to the chunk that matched the question best — with Arabic
 * text, which the English word-piece tokenizer cuts into many pieces, an article of a few
 * paragraphs is four chunks, of which retrieval hands over at most two.
 *
 * <p>Sentences are taken whole: before the chunk while their length fits in the budget, then after
 * it likewise. When the chunk cannot be found in the body (an archive stored with another
 * cleaning), the chunk is kept as it is.
 */
public final class PassageWindow {

    private PassageWindow() {}

    private record Span(int start, int end) {}

    /**
     * @param body              the article's text
     * @param chunk             the chunk's text, as stored
     * @param extraCharacters   characters of whole sentences added at most on each side
     */
    public static String around(String body, String chunk, int extraCharacters) {
        if (body == null || body.isBlank() || chunk.isBlank()) {
            return chunk;
        }
        List<Span> sentences = spans(body);
        int[] covered = covered(body, chunk, sentences);
        if (covered == null) {
            return chunk;
        }
        int first = covered[0];
        int last = covered[1];
        int budget = extraCharacters;
        while (first > 0 && length(sentences.get(first - 1)) <= budget) {
            budget -= length(sentences.get(--first));
        }
        budget = extraCharacters;
        while (last < sentences.size() - 1 && length(sentences.get(last + 1)) <= budget) {
            budget -= length(sentences.get(++last));
        }
        return body.substring(sentences.get(first).start(), sentences.get(last).end());
    }

    private static int length(Span span) {
        return span.end() - span.start();
    }

    /** Where each sentence of the body is (the splitter gives them in order, stripped). */
    private static List<Span> spans(String body) {
        List<Span> spans = new ArrayList<>();
        int cursor = 0;
        for (String sentence : SentenceSplitter.split(body)) {
            int at = body.indexOf(sentence, cursor);
            if (at < 0) {
                continue;
            }
            spans.add(new Span(at, at + sentence.length()));
            cursor = at + sentence.length();
        }
        return spans;
    }

    /** The first and last sentence the chunk overlaps, or null when it is not in the body. */
    private static int[] covered(String body, String chunk, List<Span> sentences) {
        String text = chunk.strip();
        int start = body.indexOf(text);
        int end = start + text.length();
        if (start < 0) {
            List<String> own = SentenceSplitter.split(text);
            if (own.isEmpty()) {
                return null;
            }
            start = body.indexOf(own.get(0));
            int lastAt = start < 0 ? -1 : body.indexOf(own.get(own.size() - 1), start);
            if (lastAt < 0) {
                return null;
            }
            end = lastAt + own.get(own.size() - 1).length();
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < sentences.size(); i++) {
            Span span = sentences.get(i);
            if (span.end() > start && span.start() < end) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }
}
