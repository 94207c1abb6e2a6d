package io.newsqa.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsqa.support.EachBackend;

/**
 * What every archive keeps across a restart, and that it refuses to open with another embedding
 * model.
 */
class ArchiveLifecycleContractTest extends ArchiveContract {

    @EachBackend
    void keepsItsDataAcrossARestart() {
        Article putin = putSeedLike();
        archive = backend.reopen(MODEL, DIM);

        assertThat(archive.findArticle("putin")).contains(putin);
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 2));
        assertThat(archive.denseSearch(vec(1, 0, 0, 0), 1, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("putin#0");
    }

    @EachBackend
    void refusesToMixVectorsOfAnotherEmbeddingModel() {
        putSeedLike();
        backend.closeOpen();

        assertThatThrownBy(() -> backend.open("another-model", DIM))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MODEL)
                .hasMessageContaining("another-model");
    }
}
