package io.newsqa.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;

/** Embeds each text with a fixed prefix before it (see {@link TextRoles}). */
final class PrefixedEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel model;
    private final String prefix;

    private PrefixedEmbeddingModel(EmbeddingModel model, String prefix) {
        this.model = model;
        this.prefix = prefix;
    }

    /** The model itself when there is no prefix. */
    static EmbeddingModel of(EmbeddingModel model, String prefix) {
        return prefix.isEmpty() ? model : new PrefixedEmbeddingModel(model, prefix);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return model.embedAll(segments.stream()
                .map(segment -> TextSegment.from(prefix + segment.text(), segment.metadata()))
                .toList());
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String modelName() {
        return model.modelName();
    }

    @Override
    public String toString() {
        return model + " with \"" + prefix + "\" before each text";
    }
}
