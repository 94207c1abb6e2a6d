package io.newsqa.eval;

/** One entry of a ranking of whole articles (paragraphs), best first. */
public record RankedArticle(String articleId, double score) {}
