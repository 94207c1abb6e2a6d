package io.newsqa.archive;

import java.util.List;
import java.util.Objects;

/**
 * An article as the archive holds it: with its chunks, their text and their vectors. What
 * {@link ArchiveIndex#forEachArticle} hands out, so that an archive can be copied into another
 * without embedding anything again.
 *
 * @param article the article
 * @param chunks  its chunks in ordinal order
 */
public record StoredArticle(Article article, List<Chunk> chunks) {

    public StoredArticle {
        Objects.requireNonNull(article, "article");
        chunks = List.copyOf(chunks);
    }
}
