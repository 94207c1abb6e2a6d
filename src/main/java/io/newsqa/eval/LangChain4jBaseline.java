package io.newsqa.eval;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;
import java.util.Map;

/**
 * The reference point: what a plain LangChain4j setup does with the same embedding model, the
 * in-memory store, the recursive splitter (segments of 256 word pieces, the model's input size,
 * no overlap) and dense search only.
 */
final class LangChain4jBaseline implements RetrievalMethod {

    private static final String ARTICLE_ID = "article_id";
    private static final int SEGMENT_TOKENS = 256;

    private final EmbeddingModel embeddings;
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();

    /** @param paragraphs article id → paragraph text */
    LangChain4jBaseline(EmbeddingModel embeddings, Map<String, String> paragraphs) {
        this.embeddings = embeddings;
        EmbeddingStoreIngestor.builder()
                .documentSplitter(DocumentSplitters.recursive(SEGMENT_TOKENS, 0, new HuggingFaceTokenCountEstimator()))
                .embeddingModel(embeddings)
                .embeddingStore(store)
                .build()
                .ingest(paragraphs.entrySet().stream()
                        .map(e -> Document.from(e.getValue(), Metadata.from(ARTICLE_ID, e.getKey())))
                        .toList());
    }

    @Override
    public String name() {
        return "langchain4j-baseline";
    }

    @Override
    public Ranking rank(String question, String language, int depth) {
        int asked = depth * 3;
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(embeddings.embed(question).content())
                .maxResults(asked)
                .build()).matches();
        return ArticleRankings.of(matches, m -> m.embedded().metadata().getString(ARTICLE_ID), EmbeddingMatch::score, asked);
    }
}
