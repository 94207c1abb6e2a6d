package io.newsqa.config;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of NewsQA, bound from {@code newsqa.*} properties or the matching environment
 * variables ({@code NEWSQA_DB_URL} for {@code newsqa.db.url}, and so on). Defaults and comments
 * are in {@code application.yml}; the README lists them.
 */
@ConfigurationProperties("newsqa")
public record NewsQaProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue Retrieval retrieval,
        @DefaultValue AnswerSettings answer,
        @DefaultValue("200") int chunkTokens) {

    /** The PostgreSQL archive; when {@code url} is empty the embedded archive is used. */
    public record Db(
            String url,
            @DefaultValue("newsqa") String user,
            @DefaultValue("newsqa") String password,
            @DefaultValue("public") String schema,
            @DefaultValue("10") int poolSize,
            @DefaultValue("1s") Duration connectionTimeout,
            @DefaultValue("1GB") DataSize indexBuildMemory) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /** Retrieval: how many passages, how rankings are fused, how time in a question counts. */
    public record Retrieval(
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

    /** The extractive answer: see {@code io.newsqa.answer.ExtractiveSettings} for what each means. */
    public record AnswerSettings(
            Map<String, Double> minScore,
            Map<String, Double> embeddingWeight,
            @DefaultValue("3") int maxSentences,
            @DefaultValue("700") int maxCharacters) {

        public Map<String, Double> minScore() {
            return minScore == null ? Map.of() : minScore;
        }

        public Map<String, Double> embeddingWeight() {
            return embeddingWeight == null ? Map.of() : embeddingWeight;
        }
    }
}
