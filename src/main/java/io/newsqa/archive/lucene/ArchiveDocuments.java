package io.newsqa.archive.lucene;

import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleHeader;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.RecordedStory;
import io.newsqa.text.LanguageAnalyzers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * How articles and chunks become Lucene documents and come back: the index's schema in one place.
 *
 * <p>Every document has {@link #TYPE} and {@link #ARTICLE_ID}, so that one term deletes or
 * replaces an article together with its chunks. Chunks carry copies of the article's filter fields
 * (language, source, publication time) so that a filter is a plain query on the chunk itself.
 * Lucene requires one schema per field name across all documents, hence {@code language} and
 * {@code source} are the same kind of field on both document types.
 */
final class ArchiveDocuments {

    static final String TYPE = "type";
    static final String TYPE_ARTICLE = "article";
    static final String TYPE_CHUNK = "chunk";
    static final String ARTICLE_ID = "article_id";
    static final String LANGUAGE = "language";
    static final String SOURCE = "source";
    static final String CONTENT_HASH = "content_hash";
    /** Epoch milliseconds, indexed on chunks for date filters. */
    static final String PUBLISHED_MILLIS = "published_millis";

    static final String VECTOR = "vector";
    /** Epoch milliseconds when the article was stored, on articles, to list the newest first. */
    static final String INGESTED_MILLIS = "ingested_millis";
    /** The article id again as doc values (the id field itself has none), to break sort ties. */
    static final String ARTICLE_SORT_ID = "article_sort_id";

    /** The article's story (another article's id), stored only when it copies one; absent: its own. */
    private static final String STORY_ID = "story_id";

    private static final String ORDINAL = "ordinal";
    private static final String TEXT = "text";
    private static final String URL = "url";
    private static final String TITLE = "title";
    private static final String BODY = "body";
    /** ISO-8601 with offset and full precision, stored on articles to give the time back exactly. */
    private static final String PUBLISHED_AT = "published_at";

    /** Each language's text is indexed in its own field, analysed for that language. */
    private static final Map<String, String> TEXT_FIELDS = Map.of("ar", "text_ar", "en", "text_en");
    /** Every other language: lower-cased words, no stemming. */
    private static final String TEXT_OTHER = "text_other";
    /**
     * The article's whole body, indexed on the article document in a field of its own (so that
     * article and chunk statistics never mix), for the article-level lexical ranking. Articles
     * stored before it existed have none until re-indexed.
     */
    private static final String ARTICLE_TEXT_PREFIX = "article_";
    /**
     * The article's title, indexed on the article document in a field of its own (title statistics
     * apart from body statistics), for the article-level lexical ranking. Articles stored before it
     * existed have none until stored again (ingest, {@code copy-archive}, {@code reembed}).
     */
    private static final String TITLE_TEXT_PREFIX = "title_";

    private static final String OTHER_LANGUAGE = "other";

    private ArchiveDocuments() {}

    /** The analyzer the writer uses: each text field with its language's analyzer. */
    static Analyzer indexAnalyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        TEXT_FIELDS.forEach((language, field) -> {
            perField.put(field, LanguageAnalyzers.forLanguage(language));
            perField.put(ARTICLE_TEXT_PREFIX + field, LanguageAnalyzers.forLanguage(language));
            perField.put(TITLE_TEXT_PREFIX + field, LanguageAnalyzers.forLanguage(language));
        });
        return new PerFieldAnalyzerWrapper(LanguageAnalyzers.forLanguage(OTHER_LANGUAGE), perField);
    }

    /** The field holding text of this language, analysed as {@link LanguageAnalyzers#forLanguage} does. */
    static String textField(String language) {
        return language == null ? TEXT_OTHER : TEXT_FIELDS.getOrDefault(language, TEXT_OTHER);
    }

    /** The field holding whole article bodies of this language, analysed as {@link #textField} is. */
    static String articleTextField(String language) {
        return ARTICLE_TEXT_PREFIX + textField(language);
    }

    /** The field holding article titles of this language, analysed as {@link #textField} is. */
    static String titleTextField(String language) {
        return TITLE_TEXT_PREFIX + textField(language);
    }

    /** The language whose analyzer produced the terms of {@link #textField}. */
    static String analysisLanguage(String language) {
        return language != null && TEXT_FIELDS.containsKey(language) ? language : OTHER_LANGUAGE;
    }

    /**
     * The documents of an article: the article, then its chunks, to be added as one block (see
     * {@link ArticleBlocks}).
     *
     * @param ingestedAt when it was stored, or {@code null} to record none (an article rewritten
     *                   in place that came from an archive which did not record it)
     */
    static List<Document> articleBlock(Article article, List<Chunk> chunks, Instant ingestedAt) {
        List<Document> documents = new ArrayList<>(chunks.size() + 1);
        documents.add(articleDocument(article, ingestedAt));
        for (Chunk chunk : chunks) {
            documents.add(chunkDocument(article, chunk));
        }
        return documents;
    }

    private static Document articleDocument(Article article, Instant ingestedAt) {
        Document doc = new Document();
        if (ingestedAt != null) {
            doc.add(new NumericDocValuesField(INGESTED_MILLIS, ingestedAt.toEpochMilli()));
            doc.add(new StoredField(INGESTED_MILLIS, ingestedAt.toEpochMilli()));
        }
        doc.add(new SortedDocValuesField(ARTICLE_SORT_ID, new BytesRef(article.id())));
        doc.add(new StringField(TYPE, TYPE_ARTICLE, Field.Store.NO));
        doc.add(new StringField(ARTICLE_ID, article.id(), Field.Store.YES));
        doc.add(new StringField(CONTENT_HASH, article.contentHash(), Field.Store.YES));
        doc.add(new StoredField(TITLE, article.title()));
        doc.add(new StringField(LANGUAGE, article.language(), Field.Store.YES));
        doc.add(new StoredField(BODY, article.body()));
        doc.add(new TextField(articleTextField(article.language()), article.body(), Field.Store.NO));
        if (!article.title().isBlank()) {
            doc.add(new TextField(titleTextField(article.language()), article.title(), Field.Store.NO));
        }
        if (article.url() != null) {
            doc.add(new StoredField(URL, article.url()));
        }
        if (article.source() != null) {
            doc.add(new StringField(SOURCE, article.source(), Field.Store.YES));
        }
        if (article.publishedAt() != null) {
            doc.add(new StoredField(PUBLISHED_AT, article.publishedAt().toString()));
            doc.add(new LongPoint(
                    PUBLISHED_MILLIS, article.publishedAt().toInstant().toEpochMilli()));
        }
        if (article.retellsAnother()) {
            doc.add(new StoredField(STORY_ID, article.storyId()));
        }
        return doc;
    }

    private static Document chunkDocument(Article article, Chunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, TYPE_CHUNK, Field.Store.NO));
        doc.add(new StringField(ARTICLE_ID, article.id(), Field.Store.YES));
        doc.add(new StoredField(ORDINAL, chunk.ordinal()));
        doc.add(new StoredField(TEXT, chunk.text()));
        doc.add(new TextField(textField(article.language()), chunk.text(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, chunk.embedding(), VectorSimilarityFunction.COSINE));
        doc.add(new StringField(LANGUAGE, article.language(), Field.Store.NO));
        if (article.source() != null) {
            doc.add(new StringField(SOURCE, article.source(), Field.Store.NO));
        }
        if (article.publishedAt() != null) {
            doc.add(new LongPoint(
                    PUBLISHED_MILLIS, article.publishedAt().toInstant().toEpochMilli()));
        }
        return doc;
    }

    static Article toArticle(Document doc) {
        return toHeader(doc).withBody(doc.get(BODY));
    }

    /** The stored fields {@link #toHeader} reads: all of an article's but the body. */
    static final Set<String> HEADER_FIELDS =
            Set.of(ARTICLE_ID, URL, TITLE, SOURCE, PUBLISHED_AT, LANGUAGE, CONTENT_HASH, STORY_ID);

    /** The stored fields {@link #bodyOf} and {@link #articleIdOf} read. */
    static final Set<String> BODY_FIELDS = Set.of(ARTICLE_ID, BODY);

    /** An article document read with {@link #HEADER_FIELDS} (or whole), without its body. */
    static ArticleHeader toHeader(Document doc) {
        String published = doc.get(PUBLISHED_AT);
        return new ArticleHeader(
                doc.get(ARTICLE_ID),
                doc.get(URL),
                doc.get(TITLE),
                doc.get(SOURCE),
                published == null ? null : OffsetDateTime.parse(published),
                doc.get(LANGUAGE),
                doc.get(CONTENT_HASH),
                doc.get(STORY_ID));
    }

    static String bodyOf(Document article) {
        return article.get(BODY);
    }

    /** The stored fields {@link #recordedStoryOf} reads: not the body. */
    static final Set<String> RECORDED_STORY_FIELDS = Set.of(ARTICLE_ID, PUBLISHED_AT, STORY_ID);

    /** An article document's story as written: none when it is its own (or was stored before stories). */
    static RecordedStory recordedStoryOf(Document article) {
        String published = article.get(PUBLISHED_AT);
        return new RecordedStory(
                article.get(ARTICLE_ID),
                published == null ? null : OffsetDateTime.parse(published),
                article.get(STORY_ID));
    }

    /** When the article was stored, or {@code null} for articles stored before this was recorded. */
    static Instant ingestedAtOf(Document article) {
        IndexableField millis = article.getField(INGESTED_MILLIS);
        return millis == null
                ? null
                : Instant.ofEpochMilli(millis.numericValue().longValue());
    }

    /** Chunks store their ordinal, articles do not. */
    static boolean isChunk(Document doc) {
        return doc.getField(ORDINAL) != null;
    }

    static String articleIdOf(Document chunk) {
        return chunk.get(ARTICLE_ID);
    }

    static int ordinalOf(Document chunk) {
        return chunk.getField(ORDINAL).numericValue().intValue();
    }

    static String textOf(Document chunk) {
        return chunk.get(TEXT);
    }
}
