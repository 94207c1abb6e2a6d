package io.newsqa.retrieve;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Retrieval ({@code newsqa.retrieval.*}): how many passages, how rankings are fused, how time in a question counts. */
@ConfigurationProperties("newsqa.retrieval")
public record RetrievalProperties(
        @DefaultValue("6") int passages,
        @DefaultValue("2") int maxChunksPerArticle,
        @DefaultValue("60") int rrfK,
        Map<String, Weights> weights,
        @DefaultValue Time time,
        @DefaultValue Recency recency,
        @DefaultValue("100") int efSearch,
        @DefaultValue("false") boolean crossLanguageDense,
        @DefaultValue("2") int maxChunksPerStory,
        Map<String, Map<String, Weights>> modelWeights) {

    public Map<String, Weights> weights() {
        return weights == null ? Map.of() : weights;
    }

    /** Per embedding model id, weights per language that replace {@link #weights()} for that model. */
    public Map<String, Map<String, Weights>> modelWeights() {
        return modelWeights == null ? Map.of() : modelWeights;
    }

    /**
     * Time words in questions ("yesterday", "أمس", "in July 2015") as date filters.
     *
     * @param enabled     whether they filter at all
     * @param zone        the zone in which days begin (e.g. Asia/Riyadh)
     * @param now         "latest-article" for the newest article's time, or a fixed reference "now"
     *                    (2015-07-23 or 2015-07-23T12:00:00+03:00), e.g. for an old
     *                    archive; empty: the real time
     * @param weekStartsOn the first day of "this week"
     */
    public record Time(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("UTC") String zone,
            String now,
            @DefaultValue("MONDAY") DayOfWeek weekStartsOn) {}

    /** The recency prior for "latest"-type questions; a zero half-life turns it off. */
    public record Recency(@DefaultValue("30d") Duration halfLife) {}

    /** Weights of the dense and lexical rankings for one question language. */
    public record Weights(double dense, double lexical) {}
}
