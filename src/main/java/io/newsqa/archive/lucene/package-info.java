/**
 * The embedded archive, the zero-setup default: Apache Lucene on a local folder.
 *
 * <p>Lucene gives both rankers in one file-based index: HNSW over float vectors for dense
 * search and BM25 over analysed text for lexical search, with the same per-language analyzers
 * ({@link io.newsqa.text.LanguageAnalyzers}) that the answerer uses. One Lucene document per
 * chunk, one per article (its metadata and body); every change is committed before {@code put}
 * returns, so a killed process loses at most the article being written.
 */
package io.newsqa.archive.lucene;
