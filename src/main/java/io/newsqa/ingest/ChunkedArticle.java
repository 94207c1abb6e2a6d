package io.newsqa.ingest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import io.newsqa.archive.Chunk;
import java.util.ArrayList;
import java.util.List;

/**
 * An article's body in chunks, and the context each is embedded under: the headline and date
 * give a passage the meaning it lacks on its own ("the second call" means nothing without
 * "Putin calls Netanyahu"). Only the chunks are stored; the context is for the model.
 *
 * @param context the title (shortened when very long) and date, with a line break
 * @param chunks  the body's passages, each within what the model's window leaves beside the context
 */
public record ChunkedArticle(String context, List<String> chunks) {

    public ChunkedArticle {
        chunks = List.copyOf(chunks);
    }

    /** What the model embeds for each chunk. */
    public List<TextSegment> segments() {
        return chunks.stream().map(chunk -> TextSegment.from(context + chunk)).toList();
    }

    /**
     * The chunks as stored, numbered from 0, each with its vector: the vectors of a batch are in
     * the order of its segments, and this article's start at {@code from}.
     */
    public List<Chunk> stored(String articleId, List<Embedding> vectors, int from) {
        List<Chunk> stored = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            stored.add(
                    new Chunk(articleId, i, chunks.get(i), vectors.get(from + i).vector()));
        }
        return stored;
    }
}
