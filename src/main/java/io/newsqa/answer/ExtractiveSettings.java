package io.newsqa.answer;

import java.util.Map;

/**
 * How the extractive answerer scores and chooses sentences.
 *
 * @param minScore        per question language ({@code default} for the rest): the score a sentence
 *                        needs to be quoted; when none reaches it the archive "does not say".
 *                        {@code translated}: for a sentence in another language than the question's
 * @param embeddingWeight per question language: how much the sentence's embedding similarity to the
 *                        question adds to its lexical coverage (0 where the model does not know the
 *                        language)
 * @param maxSentences    sentences quoted at most
 * @param maxCharacters   length budget of the quoted text
 */
public record ExtractiveSettings(
        Map<String, Double> minScore, Map<String, Double> embeddingWeight, int maxSentences, int maxCharacters) {

    private static final String TRANSLATED = "translated";

    public ExtractiveSettings {
        minScore = Map.copyOf(minScore);
        embeddingWeight = Map.copyOf(embeddingWeight);
        if (!minScore.containsKey("default") || !embeddingWeight.containsKey("default")) {
            throw new IllegalArgumentException(
                    "newsqa.answer.min-score and newsqa.answer.embedding-weight need a 'default' entry");
        }
    }

    double minScore(String language) {
        return minScore.getOrDefault(language, minScore.get("default"));
    }

    /**
     * The score a sentence of another language than the question's needs: it is scored by the
     * translated question's coverage alone ({@code translated}, else {@code default}).
     */
    double translatedMinScore() {
        return minScore.getOrDefault(TRANSLATED, minScore.get("default"));
    }

    double embeddingWeight(String language) {
        return embeddingWeight.getOrDefault(language, embeddingWeight.get("default"));
    }
}
