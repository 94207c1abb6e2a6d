package io.newsqa.ingest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns one parsed article into stored chunks: identity, deduplication, chunking, embedding. */
public final class ArticleIngestor {

    private final ArchiveIndex archive;
    private final EmbeddingModel embeddings;
    private final Chunker chunker;

    public ArticleIngestor(ArchiveIndex archive, EmbeddingModel embeddings, Chunker chunker) {
        this.archive = archive;
        this.embeddings = embeddings;
        this.chunker = chunker;
    }

    public IngestOutcome ingest(ParsedArticle parsed) {
        String hash = ArticleIdentity.contentHash(parsed.body());
        String id = ArticleIdentity.articleId(parsed.url(), hash);
        Optional<Article> sameText = archive.findByContentHash(hash);
        if (sameText.isPresent()) {
            return sameText.get().id().equals(id) ? IngestOutcome.UNCHANGED : IngestOutcome.DUPLICATE;
        }
        boolean replacing = archive.findArticle(id).isPresent();
        Article article = new Article(id, parsed.url(), parsed.title(), parsed.source(), parsed.publishedAt(),
                parsed.language(), hash, parsed.body());
        archive.put(article, embedChunks(article));
        return replacing ? IngestOutcome.UPDATED : IngestOutcome.ADDED;
    }

    private List<Chunk> embedChunks(Article article) {
        List<String> texts = chunker.chunk(article.body());
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(withContext(article, text)));
        }
        List<Embedding> vectors = embeddings.embedAll(segments).content();
        List<Chunk> chunks = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            chunks.add(new Chunk(article.id(), i, texts.get(i), vectors.get(i).vector()));
        }
        return chunks;
    }

    /**
     * What the model sees: the headline and date give a passage the context it lacks on its own
     * ("the second call" means nothing without "Putin calls Netanyahu").
     */
    static String withContext(Article article, String text) {
        StringBuilder context = new StringBuilder(article.title());
        if (article.publishedAt() != null) {
            context.append(" (").append(article.publishedAt().format(DateTimeFormatter.ISO_LOCAL_DATE)).append(')');
        }
        return context.append('\n').append(text).toString();
    }
}
