package io.newsqa.ingest;

import dev.langchain4j.data.segment.TextSegment;
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
}
