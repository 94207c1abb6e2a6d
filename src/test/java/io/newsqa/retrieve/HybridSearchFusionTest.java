package io.newsqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsqa.archive.Article;
import io.newsqa.archive.ChunkHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridSearchFusionTest {

    private final HybridSearch search = new HybridSearch(null, null, language -> null, 2);

    private static ChunkHit hit(String article, int ordinal) {
        Article a = new Article(article, null, article, null, null, "en", "h" + article, "body");
        return new ChunkHit(a, ordinal, article + ordinal, 1.0);
    }

    @Test
    void aChunkFoundByBothRankersBeatsOneFoundByOne() {
        List<ChunkHit> dense = List.of(hit("a", 0), hit("b", 0));
        List<ChunkHit> lexical = List.of(hit("c", 0), hit("b", 0));

        List<RetrievedPassage> fused = search.fuse(dense, lexical, new FusionWeights(1, 1, 60), 10);

        assertThat(fused).extracting(p -> p.hit().key()).containsExactly("b#0", "a#0", "c#0");
        assertThat(fused.get(0).denseRank()).isEqualTo(2);
        assertThat(fused.get(0).lexicalRank()).isEqualTo(2);
        assertThat(fused.get(1).lexicalRank()).isZero();
    }

    @Test
    void weightsDecideBetweenTheRankers() {
        List<ChunkHit> dense = List.of(hit("a", 0));
        List<ChunkHit> lexical = List.of(hit("c", 0));

        assertThat(search.fuse(dense, lexical, new FusionWeights(0.2, 1, 60), 10))
                .extracting(p -> p.hit().key()).containsExactly("c#0", "a#0");
        assertThat(search.fuse(dense, lexical, new FusionWeights(1, 0.2, 60), 10))
                .extracting(p -> p.hit().key()).containsExactly("a#0", "c#0");
    }

    @Test
    void capsChunksPerArticleAndTheTotal() {
        List<ChunkHit> lexical = List.of(hit("a", 0), hit("a", 1), hit("a", 2), hit("b", 0), hit("c", 0));

        assertThat(search.fuse(List.of(), lexical, new FusionWeights(1, 1, 60), 3))
                .extracting(p -> p.hit().key()).containsExactly("a#0", "a#1", "b#0");
    }

    @Test
    void rejectsMeaninglessWeights() {
        assertThatThrownBy(() -> new FusionWeights(0, 0, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FusionWeights(-1, 1, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FusionWeights(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
