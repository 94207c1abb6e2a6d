package io.newsqa.eval;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.newsqa.eval.SquadFile.Question;
import java.util.ArrayList;
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
    /** Segments embedded per call, so that a large corpus is not one call. */
    private static final int BATCH = 256;

    private final EmbeddingModel embeddings;
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();

    /** @param paragraphs article id → paragraph text */
    LangChain4jBaseline(EmbeddingModel embeddings, Map<String, String> paragraphs) {
        this.embeddings = embeddings;
        DocumentSplitter splitter =
                DocumentSplitters.recursive(SEGMENT_TOKENS, 0, new HuggingFaceTokenCountEstimator());
        List<TextSegment> segments = new ArrayList<>();
        paragraphs.forEach((id, text) -> {
            if (hasLetterOrDigit(text)) {
                splitter.split(Document.from(text, Metadata.from(ARTICLE_ID, id))).stream()
                        .filter(segment -> hasLetterOrDigit(segment.text()))
                        .forEach(segments::add);
            }
        });
        for (int from = 0; from < segments.size(); from += BATCH) {
            List<TextSegment> batch = segments.subList(from, Math.min(segments.size(), from + BATCH));
            List<Embedding> vectors = embeddings.embedAll(batch).content();
            store.addAll(vectors, batch);
        }
    }

    /**
     * The model refuses a text it reads as no word pieces at all ("Cannot embed empty or
     * whitespace-only text"), such as blank lines or a lone direction mark between segments.
     */
    private static boolean hasLetterOrDigit(String text) {
        return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    @Override
    public String name() {
        return "langchain4j-baseline";
    }

    @Override
    public Ranking rank(Question question, String language, int depth) {
        int asked = depth * 3;
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(embeddings.embed(question.text()).content())
                        .maxResults(asked)
                        .build())
                .matches();
        return ArticleRankings.of(
                matches, m -> m.embedded().metadata().getString(ARTICLE_ID), EmbeddingMatch::score, asked);
    }
}
