package io.newsqa.archive.lucene;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedding model whose vectors an index holds, kept in the commit user data so that a
 * restart with another model is refused instead of silently comparing incomparable vectors.
 */
record ModelStamp(String modelId, int dimension) {

    private static final String MODEL_KEY = "newsqa.embedding-model";
    private static final String DIMENSION_KEY = "newsqa.embedding-dimension";

    ModelStamp {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("the embedding model id is required to open the archive");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("the embedding dimension must be positive, got " + dimension);
        }
    }

    /** The stamp in a commit's user data, or {@code null} when the commit carries none. */
    static ModelStamp fromCommitData(Map<String, String> userData) {
        String model = userData.get(MODEL_KEY);
        String dimension = userData.get(DIMENSION_KEY);
        if (model == null || dimension == null) {
            return null;
        }
        return new ModelStamp(model, Integer.parseInt(dimension));
    }

    Map<String, String> toCommitData() {
        return Map.of(MODEL_KEY, modelId, DIMENSION_KEY, Integer.toString(dimension));
    }

    /** Throws when the index in {@code folder}, stamped with this, is opened for {@code configured}. */
    void requireSameAs(ModelStamp configured, Path folder) {
        if (!equals(configured)) {
            throw new IllegalStateException("The archive in " + folder + " holds vectors of embedding model " + modelId
                    + " (" + dimension + " dimensions), but " + configured.modelId + " (" + configured.dimension
                    + " dimensions) is configured. Vectors of different models cannot be compared: configure "
                    + modelId
                    + " again (NEWSQA_EMBEDDING_PROVIDER, NEWSQA_EMBEDDING_MODEL), or re-embed the articles with "
                    + configured.modelId
                    + " into a new folder: set NEWSQA_DATA_DIR to it and run `newsqa reembed --from-data-dir "
                    + folder + "`.");
        }
    }

    /** Cosine similarity needs a finite vector of this dimension with some length. */
    void requireUsable(float[] vector, String whose) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(whose + " has a vector of dimension " + vector.length
                    + "; this archive stores dimension " + dimension + " (model " + modelId + ")");
        }
        boolean allZero = true;
        for (float value : vector) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException(whose + " has a vector with a non-finite value (" + value + ")");
            }
            allZero &= value == 0f;
        }
        if (allZero) {
            throw new IllegalArgumentException(whose + " has an all-zero vector, which has no cosine similarity");
        }
    }
}
