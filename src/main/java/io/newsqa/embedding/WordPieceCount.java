package io.newsqa.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * LangChain4j's {@link HuggingFaceTokenCountEstimator} (the BERT word-piece tokenizer of the
 * embedding models, through DJL's Hugging Face tokenizers) with the same counts at about half the
 * CPU, for budgeting chunks.
 *
 * <p>The estimator builds a whole DJL {@code Encoding} per call (ids, type ids, token strings,
 * word ids, masks, character spans, overflow: eight calls into native code and their arrays) to
 * read one length. Here the text is encoded and only its ids are fetched. Chunking counts every
 * sentence, and every word of a long one, so this cost was a large part of ingest's main thread
 * (bench-ingest; SaudiNewsNet, 3,354 articles chunked: 10.6-11.7 s of CPU with the estimator).
 * Messages are counted as the estimator counts them, through this text count.
 */
public final class WordPieceCount extends HuggingFaceTokenCountEstimator {

    private final HuggingFaceTokenizer tokenizer;

    /** The tokenizer LangChain4j's estimator uses (BERT uncased, as all-MiniLM-L6-v2), truncating nothing. */
    public WordPieceCount() {
        try (InputStream json = HuggingFaceTokenCountEstimator.class.getResourceAsStream("/bert-tokenizer.json")) {
            if (json == null) {
                throw new IllegalStateException(
                        "bert-tokenizer.json is missing from the classpath (langchain4j-embeddings)");
            }
            this.tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("the word-piece tokenizer could not be read: " + e.getMessage(), e);
        }
    }

    /** A model's own tokenizer ({@code tokenizer.json}, Hugging Face format), truncating nothing. */
    public WordPieceCount(Path tokenizerJson) {
        super(tokenizerJson);
        try {
            this.tokenizer =
                    HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the tokenizer " + tokenizerJson + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public int estimateTokenCountInText(String text) {
        long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), text, false);
        try {
            return TokenizersLibrary.LIB.getTokenIds(encoding).length;
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
    }
}
