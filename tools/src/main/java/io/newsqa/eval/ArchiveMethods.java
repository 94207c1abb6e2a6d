package io.newsqa.eval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.SearchFilter;
import io.newsqa.eval.SquadFile.Question;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievedPassage;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** The product's own rankers over an archive: the hybrid search, and each of its two rankers alone. */
final class ArchiveMethods {

    /** Chunks asked for per wanted article: a paragraph may have been cut into a few chunks. */
    private static final int CHUNKS_PER_ARTICLE = 3;

    private ArchiveMethods() {}

    /** @param hybrid the hybrid search of a question asked on a day ({@code null}: no day) */
    static List<RetrievalMethod> all(
            ArchiveIndex archive, EmbeddingModel embeddings, Function<LocalDate, HybridSearch> hybrid) {
        return List.of(hybrid("hybrid", hybrid), dense(archive, embeddings), lexical(archive));
    }

    /** @param hybrid the hybrid search of a question asked on a day ({@code null}: no day) */
    static RetrievalMethod hybrid(String name, Function<LocalDate, HybridSearch> hybrid) {
        return new RetrievalMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Ranking rank(Question question, String language, int depth) {
                // As the answerer calls it, with the per-article cap; each article counts once.
                int asked = depth * 2;
                List<RetrievedPassage> passages = hybrid.apply(question.referenceDate())
                        .search(question.text(), language, SearchFilter.none(), asked);
                return ArticleRankings.of(passages, p -> p.hit().article().id(), RetrievedPassage::fusedScore, asked);
            }
        };
    }

    static RetrievalMethod dense(ArchiveIndex archive, EmbeddingModel embeddings) {
        return new RetrievalMethod() {
            @Override
            public String name() {
                return "dense";
            }

            @Override
            public Ranking rank(Question question, String language, int depth) {
                int asked = depth * CHUNKS_PER_ARTICLE;
                float[] vector = embeddings.embed(question.text()).content().vector();
                return ArticleRankings.ofHits(archive.denseSearch(vector, asked, SearchFilter.none()), asked);
            }
        };
    }

    static RetrievalMethod lexical(ArchiveIndex archive) {
        return new RetrievalMethod() {
            @Override
            public String name() {
                return "lexical";
            }

            @Override
            public Ranking rank(Question question, String language, int depth) {
                int asked = depth * CHUNKS_PER_ARTICLE;
                return ArticleRankings.ofHits(
                        archive.lexicalSearch(question.text(), language, asked, SearchFilter.none()), asked);
            }
        };
    }
}
