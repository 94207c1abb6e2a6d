package io.newsqa.ingest;

import dev.langchain4j.model.TokenCountEstimator;
import io.newsqa.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an article body into passages of whole sentences that fit the embedding model's input.
 *
 * <p>The budget is counted in the model's own word pieces, because Arabic text becomes several
 * times more pieces than English text of the same length and a character budget would let the
 * model silently truncate Arabic chunks. Consecutive chunks share their boundary sentence so that
 * an answer spanning two chunks is still found whole in one of them. A single sentence longer
 * than the budget is cut at clause marks first, at words last.
 */
public final class Chunker {

    private final TokenCountEstimator tokens;
    private final int maxTokens;

    /**
     * @param tokens    the embedding model's tokenizer
     * @param maxTokens word pieces per chunk, leaving room for the title and date prepended at
     *                  embedding time
     */
    public Chunker(TokenCountEstimator tokens, int maxTokens) {
        if (maxTokens < 16) {
            throw new IllegalArgumentException("maxTokens must be at least 16, was " + maxTokens);
        }
        this.tokens = tokens;
        this.maxTokens = maxTokens;
    }

    public List<String> chunk(String body) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SentenceSplitter.split(body)) {
            sentences.addAll(fit(sentence));
        }
        List<String> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int currentTokens = 0;
        for (String sentence : sentences) {
            int sentenceTokens = tokens.estimateTokenCountInText(sentence);
            if (!current.isEmpty() && currentTokens + sentenceTokens > maxTokens) {
                chunks.add(join(current));
                String overlap = current.get(current.size() - 1);
                int overlapTokens = tokens.estimateTokenCountInText(overlap);
                current = new ArrayList<>();
                currentTokens = 0;
                if (overlapTokens * 3 <= maxTokens && overlapTokens + sentenceTokens <= maxTokens) {
                    current.add(overlap);
                    currentTokens = overlapTokens;
                }
            }
            current.add(sentence);
            currentTokens += sentenceTokens;
        }
        if (!current.isEmpty()) {
            chunks.add(join(current));
        }
        return chunks;
    }

    /**
     * Sentences joined back into one passage. A sentence without end punctuation (a sub-heading,
     * a caption) keeps its line break, so that splitting the passage again finds the same
     * sentences instead of gluing the heading to the next one.
     */
    static String join(List<String> sentences) {
        StringBuilder text = new StringBuilder();
        for (String sentence : sentences) {
            if (!text.isEmpty()) {
                char last = text.charAt(text.length() - 1);
                text.append(".!?؟…\"'»”’)".indexOf(last) >= 0 ? ' ' : '\n');
            }
            text.append(sentence);
        }
        return text.toString();
    }

    /** A sentence within budget as it is, or cut into clauses, or into runs of words. */
    private List<String> fit(String sentence) {
        if (tokens.estimateTokenCountInText(sentence) <= maxTokens) {
            return List.of(sentence);
        }
        List<String> parts = new ArrayList<>();
        for (String clause : SentenceSplitter.splitClauses(sentence, 1)) {
            if (tokens.estimateTokenCountInText(clause) <= maxTokens) {
                parts.add(clause);
            } else {
                parts.addAll(byWords(clause));
            }
        }
        return parts;
    }

    private List<String> byWords(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = part.isEmpty() ? word : part + " " + word;
            if (!part.isEmpty() && tokens.estimateTokenCountInText(candidate) > maxTokens) {
                parts.add(part.toString());
                part.setLength(0);
                part.append(word);
            } else {
                part.setLength(0);
                part.append(candidate);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }
}
