package io.newsqa.archive;

/**
 * An article found by {@link ArchiveIndex#articleLexicalSearch}: its id and its score, higher is
 * better, comparable only within one result list.
 */
public record ArticleHit(String articleId, double score) {}
