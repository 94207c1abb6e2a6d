package io.newsqa.ingest.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The real model, keeping every text it embedded so the benchmark can embed exactly those again. */
final class RecordingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel model;
    private final List<TextSegment> seen = Collections.synchronizedList(new ArrayList<>());

    RecordingEmbeddingModel(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        seen.addAll(segments);
        return model.embedAll(segments);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    List<TextSegment> seen() {
        return List.copyOf(seen);
    }
}
