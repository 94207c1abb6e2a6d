package io.newsqa.translate;

/**
 * How a language model's query translation combines with the dictionary's
 * ({@code newsqa.translation.llm}). Which is better cannot be measured offline; fusing both is
 * the default because reciprocal rank fusion of two decent rankings rarely loses to either.
 */
public enum LlmTranslationMode {
    /** The model's translation is not asked for. */
    OFF,
    /** The model's translation replaces the dictionary's when it arrives; the dictionary's is the fallback. */
    INSTEAD,
    /** Both translations are searched and fused as two rankings. */
    IN_ADDITION
}
