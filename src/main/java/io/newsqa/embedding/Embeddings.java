package io.newsqa.embedding;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * The configured embedding model with what goes with it: the identity recorded in an archive (so
 * that vectors of different models never mix), the texts' role prefixes, and the tokenizer the
 * chunker counts with.
 *
 * @param id          recorded in archives; an archive of another id is refused
 * @param model       the model itself, embedding texts as given
 * @param roles       prefixes by role: use {@link #passages()} for what is stored and {@link #queries()} for questions
 * @param tokens      counts the model's word pieces, to keep chunks within its window
 * @param description what the model is, for logs and reports
 */
public record Embeddings(String id, EmbeddingModel model, TextRoles roles, TokenCountEstimator tokens, String description) {

    /** A model without role prefixes, counted with the BERT tokenizer all built-in models share. */
    public static Embeddings of(String id, EmbeddingModel model) {
        return new Embeddings(id, model, TextRoles.NONE, new WordPieceCount(), model.toString());
    }

    /** Embeds articles' chunks (and anything compared with questions as a passage). */
    public EmbeddingModel passages() {
        return PrefixedEmbeddingModel.of(model, roles.passagePrefix());
    }

    /** Embeds questions. */
    public EmbeddingModel queries() {
        return PrefixedEmbeddingModel.of(model, roles.queryPrefix());
    }

    public int dimension() {
        return model.dimension();
    }
}
