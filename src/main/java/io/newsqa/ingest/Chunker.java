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
        List<Sentence> sentences = new ArrayList<>();
        for (String sentence : SentenceSplitter.split(body)) {
            fit(sentence, sentences);
        }
        List<String> chunks = new ArrayList<>();
        List<Sentence> current = new ArrayList<>();
        int currentTokens = 0;
        for (Sentence sentence : sentences) {
            if (!current.isEmpty() && currentTokens + sentence.tokens() > maxTokens) {
                chunks.add(join(current));
                Sentence overlap = current.get(current.size() - 1);
                current = new ArrayList<>();
                currentTokens = 0;
                if (overlap.tokens() * 3 <= maxTokens && overlap.tokens() + sentence.tokens() <= maxTokens) {
                    current.add(overlap);
                    currentTokens = overlap.tokens();
                }
            }
            current.add(sentence);
            currentTokens += sentence.tokens();
        }
        if (!current.isEmpty()) {
            chunks.add(join(current));
        }
        return chunks;
    }

    /** A sentence with its length in word pieces, counted once: the tokenizer is the costly part of chunking. */
    private record Sentence(String text, int tokens) {
    }

    private static String join(List<Sentence> sentences) {
        return joinTexts(sentences.stream().map(Sentence::text).toList());
    }

    /**
     * Sentences joined back into one passage. A sentence without end punctuation (a sub-heading,
     * a caption) keeps its line break, so that splitting the passage again finds the same
     * sentences instead of gluing the heading to the next one.
     */
    static String joinTexts(List<String> sentences) {
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

    /** Adds a sentence within budget as it is, or cut into clauses, or into runs of words. */
    private void fit(String sentence, List<Sentence> out) {
        int tokens = count(sentence);
        if (tokens <= maxTokens) {
            out.add(new Sentence(sentence, tokens));
            return;
        }
        for (String clause : SentenceSplitter.splitClauses(sentence, 1)) {
            int clauseTokens = count(clause);
            if (clauseTokens <= maxTokens) {
                out.add(new Sentence(clause, clauseTokens));
            } else {
                for (String words : byWords(clause)) {
                    out.add(new Sentence(words, count(words)));
                }
            }
        }
    }

    private int count(String text) {
        return tokens.estimateTokenCountInText(text);
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
