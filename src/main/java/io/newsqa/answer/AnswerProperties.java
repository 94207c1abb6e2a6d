package io.newsqa.answer;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The extractive answer ({@code newsqa.answer.*}): see {@link ExtractiveSettings} for what each means. */
@ConfigurationProperties("newsqa.answer")
public record AnswerProperties(
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
