/**
 * The embedded archive, the zero-setup default: Apache Lucene in a local folder.
 *
 * <p><b>Why Lucene.</b> It runs inside the service with nothing to install, and one file-based
 * index gives both rankers the port needs: HNSW over float vectors for dense search and BM25 over
 * analysed text for lexical search. It indexes with the same per-language analyzers
 * ({@link io.newsqa.text.LanguageAnalyzers}) that the answerer scores sentences with, so a question
 * matches a sentence exactly when it would match its chunk.
 *
 * <p><b>What is where.</b>
 * <ul>
 *   <li>{@link io.newsqa.archive.lucene.LuceneArchive}: the port: opens the folder (checking the
 *       model it was filled with) and hands each operation to the class of its port:
 *       {@code LuceneWriter} (storing, deleting, rewriting stories), {@code LuceneSearch} (dense,
 *       lexical and article rankings, hit articles and the bodies answers quote
 *       read once per index reader, {@code PerReaderCache}), {@code LuceneCatalog} (lookups, pages, counts and the
 *       full scan of {@code ArticleBlocks}); all read through {@code IndexSearchers}.
 *   <li>{@code ArchiveDocuments}: the schema. One document per article (type {@code article}; every
 *       field stored, the publication time as ISO-8601 with its offset; the content hash indexed
 *       for duplicate detection) and one per chunk (type {@code chunk}; stored text and ordinal, a
 *       cosine {@code KnnFloatVectorField}, the text analysed in {@code text_ar}, {@code text_en} or
 *       {@code text_other} by the article's language, and the article's language, source and
 *       publication time in epoch milliseconds as filter fields). All documents carry the
 *       article id, so one term replaces or deletes an article with its chunks.
 *   <li>{@code ArchiveQueries}: the filter, lexical and lookup queries. User text is analysed
 *       into terms, never parsed as query syntax.
 *   <li>{@code ModelStamp}: the embedding model id and dimension, kept in the commit user data;
 *       opening the folder with another model fails with instructions rather than mixing vectors.
 * </ul>
 *
 * <p><b>Durability and concurrency.</b> Every {@code put} and {@code delete} is one atomic Lucene
 * update followed by a commit before it returns, so a killed process loses at most the article
 * being written and never leaves half an article; {@code putAll} commits once for its group
 * of articles (bulk ingestion), so a killed process loses at most that group. Searches share a {@code SearcherManager}
 * refreshed after each commit; Lucene's write lock keeps a second process out of the folder.
 */
package io.newsqa.archive.lucene;
