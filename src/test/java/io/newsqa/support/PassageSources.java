package io.newsqa.support;

import io.newsqa.answer.Source;
import io.newsqa.retrieve.RetrievedPassage;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered sources straight from a search's passages, in their order, for benchmarks that answer
 * without the retrieval chain (the product numbers them in {@code NumberedSources}).
 */
public final class PassageSources {

    private PassageSources() {}

    public static List<Source> of(List<RetrievedPassage> passages) {
        List<Source> sources = new ArrayList<>();
        for (RetrievedPassage passage : passages) {
            sources.add(Source.of(
                    sources.size() + 1,
                    passage.hit().article(),
                    passage.hit().ordinal(),
                    passage.hit().text()));
        }
        return sources;
    }
}
