package io.newsqa.ingest;

import dev.langchain4j.model.TokenCountEstimator;
import io.newsqa.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Adds a sentence within budget as it is, or cut into clauses, or into runs of words.
     *
     * <p>Counting is the costly part of chunking (the tokenizer, about 1 µs per word piece), so
     * each piece of text is counted at most twice: once as a sentence, and for a sentence over
     * budget once more word by word, a clause's count being the sum of its words' counts (the
     * tokenizers of BERT-like models split at white space before cutting word pieces, so the sum
     * is the count of the joined text, as a chunk's is the sum of its sentences'; {@code
     * ChunkerTest} checks this on Arabic and English text). Counting each clause whole and then
     * every growing run of words again made cutting quadratic: SaudiNewsNet has long clauses
     * without punctuation, and that took 6 ms of CPU per article, most of the ingest's main
     * thread (bench-ingest).
     */
    private void fit(String sentence, List<Sentence> out) {
        int tokens = count(sentence);
        if (tokens <= maxTokens) {
            out.add(new Sentence(sentence, tokens));
            return;
        }
        for (String clause : SentenceSplitter.splitClauses(sentence, 1)) {
            String[] words = clause.trim().split("\\s+");
            int[] wordTokens = new int[words.length];
            int clauseTokens = 0;
            for (int i = 0; i < words.length; i++) {
                wordTokens[i] = count(words[i]);
                clauseTokens += wordTokens[i];
            }
            if (clauseTokens <= maxTokens) {
                out.add(new Sentence(clause, clauseTokens));
            } else {
                byWords(words, wordTokens, out);
            }
        }
    }

    private int count(String text) {
        return tokens.estimateTokenCountInText(text);
    }

    /**
     * Cuts a clause over budget into runs of whole words, each within budget (a single word
     * longer than the budget stays whole, as its own run).
     */
    private void byWords(String[] words, int[] wordTokens, List<Sentence> out) {
        int start = 0;
        while (start < words.length) {
            int end = start + 1;
            int runTokens = wordTokens[start];
            while (end < words.length && runTokens + wordTokens[end] <= maxTokens) {
                runTokens += wordTokens[end];
                end++;
            }
            out.add(new Sentence(String.join(" ", Arrays.asList(words).subList(start, end)), runTokens));
            start = end;
        }
    }
}
