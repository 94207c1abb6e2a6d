package io.newsqa.answer;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeds sentences for the extractive answerer with the in-process model, remembering recent
 * ones: the same passages come back for related questions, and embedding is the costly step.
 */
public final class SentenceEmbedder {

    private static final int CACHED_SENTENCES = 20_000;

    private final EmbeddingModel model;
    private final Map<String, float[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHED_SENTENCES;
        }
    };

    public SentenceEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
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
            List<Embedding> vectors = model.embedAll(missing.stream().map(TextSegment::from).toList()).content();
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
