package io.newsqa.ingest;

import dev.langchain4j.model.TokenCountEstimator;
import io.newsqa.archive.Article;
import io.newsqa.embedding.Embeddings;
import io.newsqa.text.SentenceSplitter;
import java.time.format.DateTimeFormatter;
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
 *
 * <p>Each chunk is embedded under its article's title and date ({@link ChunkedArticle#context()}),
 * so an article's budget is the configured chunk size or, when less, what the model's window
 * leaves beside that context, the passage prefix and the two special pieces: every text embedded
 * fits the window. A title so long that less than {@link #MIN_CHUNK_TOKENS} would be left is
 * shortened in the context (at a word), rather than cutting the body into scraps.
 */
public final class Chunker {

    /** The least budget worth a chunk: below it the title in the context is shortened instead. */
    public static final int MIN_CHUNK_TOKENS = 64;
    /** [CLS] and [SEP], which the encoder puts around every text. */
    private static final int SPECIAL_TOKENS = 2;

    private final TokenCountEstimator tokens;
    private final int maxTokens;
    /** Word pieces left in the window for the context and the chunk. */
    private final int room;

    /**
     * A chunker for a model whose window is not known: LangChain4j's encoder limit ({@link
     * Embeddings#ENCODER_WINDOW}), no passage prefix.
     *
     * @param tokens    the embedding model's tokenizer
     * @param maxTokens word pieces per chunk at most
     */
    public Chunker(TokenCountEstimator tokens, int maxTokens) {
        this(tokens, maxTokens, Embeddings.ENCODER_WINDOW, "");
    }

    /**
     * @param tokens        the embedding model's tokenizer
     * @param maxTokens     word pieces per chunk at most (the configured chunk size)
     * @param window        word pieces of one text the model reads, [CLS] and [SEP] included
     * @param passagePrefix what the model puts before each passage, within the same window
     */
    public Chunker(TokenCountEstimator tokens, int maxTokens, int window, String passagePrefix) {
        if (maxTokens < 16) {
            throw new IllegalArgumentException("maxTokens must be at least 16, was " + maxTokens);
        }
        this.tokens = tokens;
        this.maxTokens = maxTokens;
        this.room = window - SPECIAL_TOKENS - (passagePrefix.isEmpty() ? 0 : count(passagePrefix));
        if (room - leastBudget() < 16) {
            throw new IllegalArgumentException(
                    "a window of " + window + " word pieces leaves no room for a title beside a chunk" + " of "
                            + leastBudget() + (passagePrefix.isEmpty() ? "" : " and the passage prefix"));
        }
    }

    /** The chunker for the configured model: its tokenizer, its window and its passage prefix. */
    public static Chunker forModel(Embeddings embeddings, int chunkTokens) {
        return new Chunker(
                embeddings.tokens(),
                chunkTokens,
                embeddings.window(),
                embeddings.roles().passagePrefix());
    }

    /** The article's body in chunks, with the context they are embedded under. */
    public ChunkedArticle chunk(Article article) {
        String date = article.publishedAt() == null
                ? ""
                : " (" + article.publishedAt().format(DateTimeFormatter.ISO_LOCAL_DATE) + ")";
        String context = article.title() + date + "\n";
        int contextTokens = count(context);
        if (contextTokens > room - leastBudget()) {
            context = shortened(article.title(), date, room - leastBudget());
            contextTokens = count(context);
        }
        return new ChunkedArticle(context, chunk(article.body(), Math.min(maxTokens, room - contextTokens)));
    }

    /** Chunks get at least this much, or the whole configured size when it is smaller. */
    private int leastBudget() {
        return Math.min(maxTokens, MIN_CHUNK_TOKENS);
    }

    /**
     * The context with the title cut after its last word that fits in {@code limit} word pieces
     * beside the date. Word counts add up to the text's count (see {@link #fit}).
     */
    private String shortened(String title, String date, int limit) {
        int left = limit - count(date + "\n");
        StringBuilder kept = new StringBuilder();
        for (String word : title.strip().split("\\s+")) {
            left -= count(word);
            if (left < 0) {
                break;
            }
            kept.append(kept.isEmpty() ? "" : " ").append(word);
        }
        return kept + date + "\n";
    }

    private List<String> chunk(String body, int budget) {
        List<Sentence> sentences = new ArrayList<>();
        for (String sentence : SentenceSplitter.split(body)) {
            fit(sentence, budget, sentences);
        }
        List<String> chunks = new ArrayList<>();
        List<Sentence> current = new ArrayList<>();
        int currentTokens = 0;
        for (Sentence sentence : sentences) {
            if (!current.isEmpty() && currentTokens + sentence.tokens() > budget) {
                chunks.add(join(current));
                Sentence overlap = current.get(current.size() - 1);
                current = new ArrayList<>();
                currentTokens = 0;
                if (overlap.tokens() * 3 <= budget && overlap.tokens() + sentence.tokens() <= budget) {
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
    private record Sentence(String text, int tokens) {}

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
    private void fit(String sentence, int budget, List<Sentence> out) {
        int tokens = count(sentence);
        if (tokens <= budget) {
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
            if (clauseTokens <= budget) {
                out.add(new Sentence(clause, clauseTokens));
            } else {
                byWords(words, wordTokens, budget, out);
            }
        }
    }

    private int count(String text) {
        return tokens.estimateTokenCountInText(text);
    }

    /**
     * Cuts a clause over budget into runs of whole words, each within budget; a single word
     * longer than the budget (a long link, a run of digits) is cut into parts.
     */
    private void byWords(String[] words, int[] wordTokens, int budget, List<Sentence> out) {
        int start = 0;
        while (start < words.length) {
            if (wordTokens[start] > budget) {
                byCharacters(words[start], budget, out);
                start++;
                continue;
            }
            int end = start + 1;
            int runTokens = wordTokens[start];
            while (end < words.length && runTokens + wordTokens[end] <= budget) {
                runTokens += wordTokens[end];
                end++;
            }
            out.add(new Sentence(String.join(" ", Arrays.asList(words).subList(start, end)), runTokens));
            start = end;
        }
    }

    /** Cuts one word over budget into its longest leading parts within budget (rare: each cut counts a few times). */
    private void byCharacters(String word, int budget, List<Sentence> out) {
        int start = 0;
        while (start < word.length()) {
            int low = start + 1;
            int high = word.length();
            while (low < high) { // the longest part from start within budget; one character always is
                int middle = (low + high + 1) >>> 1;
                if (count(word.substring(start, middle)) <= budget) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            out.add(new Sentence(word.substring(start, low), count(word.substring(start, low))));
            start = low;
        }
    }
}
