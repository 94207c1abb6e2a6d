package io.newsqa.ingest.source;

import io.newsqa.ingest.article.ParsedArticle;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader hands over: the articles, and the reasons items were rejected. */
final class RecordingSink implements ArticleSink {

    final List<ParsedArticle> articles = new ArrayList<>();
    final List<String> reasons = new ArrayList<>();

    @Override
    public void accept(String item, ParsedArticle article) {
        articles.add(article);
    }

    @Override
    public void reject(String item, String reason) {
        reasons.add(reason);
    }
}
