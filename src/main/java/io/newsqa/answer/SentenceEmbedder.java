package io.newsqa.answer;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeds the question and the passages' sentences for the extractive answerer, remembering recent
 * sentences: the same passages come back for related questions, and embedding is the costly step.
 * Question and sentences may be embedded differently (models trained with "query: " and
 * "passage: " marks, see {@code embedding.TextRoles}).
 */
public final class SentenceEmbedder {

    private static final int CACHED_SENTENCES = 20_000;

    private final EmbeddingModel questions;
    private final EmbeddingModel model;
    private final Map<String, float[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHED_SENTENCES;
        }
    };

    /** Question and sentences embedded alike. */
    public SentenceEmbedder(EmbeddingModel model) {
        this(model, model);
    }

    public SentenceEmbedder(EmbeddingModel questions, EmbeddingModel sentences) {
        this.questions = questions;
        this.model = sentences;
    }

    public float[] embedQuestion(String question) {
        return questions.embed(question).content().vector();
    }

    /** Vectors of the texts, in order; unseen texts are embedded in one batch. */
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            for (String text : texts) {
                if (!cache.containsKey(text) && !missing.contains(text)) {
                    missing.add(text);
                }
            }
        }
        if (!missing.isEmpty()) {
            List<Embedding> vectors = model.embedAll(
                            missing.stream().map(TextSegment::from).toList())
                    .content();
            synchronized (cache) {
                for (int i = 0; i < missing.size(); i++) {
                    cache.put(missing.get(i), vectors.get(i).vector());
                }
            }
        }
        List<float[]> result = new ArrayList<>(texts.size());
        synchronized (cache) {
            for (String text : texts) {
                float[] vector = cache.get(text);
                // Evicted between the two blocks by a concurrent caller: embed it alone.
                result.add(vector != null ? vector : model.embed(text).content().vector());
            }
        }
        return result;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
