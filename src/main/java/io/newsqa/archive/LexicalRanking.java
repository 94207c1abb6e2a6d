package io.newsqa.archive;

import java.util.List;

/**
 * One lexical search's two views of the archive, fused together by the hybrid search: the chunks
 * matching the words, best first ({@link ArchiveIndex#lexicalSearch}), and the articles whose
 * whole text matches them, best first ({@link ArchiveIndex#articleLexicalSearch}).
 */
public record LexicalRanking(List<ChunkHit> chunks, List<ArticleHit> articles) {

    public LexicalRanking {
        chunks = List.copyOf(chunks);
        articles = List.copyOf(articles);
    }

    /** Chunks only, without article-level evidence. */
    public static LexicalRanking ofChunks(List<ChunkHit> chunks) {
        return new LexicalRanking(chunks, List.of());
    }

    public boolean isEmpty() {
        return chunks.isEmpty();
    }
}
