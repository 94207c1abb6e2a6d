package io.newsqa.archive;

import java.util.List;
import java.util.Objects;

/** An article with the chunks to store for it, one element of {@link ArchiveIndex#putAll}. */
public record ArticleWithChunks(Article article, List<Chunk> chunks) {

    public ArticleWithChunks {
        Objects.requireNonNull(article, "article");
        chunks = List.copyOf(chunks);
    }
}
