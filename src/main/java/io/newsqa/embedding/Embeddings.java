package io.newsqa.embedding;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * The configured embedding model with what goes with it: the identity recorded in an archive (so
 * that vectors of different models never mix), the texts' role prefixes, and the tokenizer the
 * chunker counts with and the window it keeps within.
 *
 * @param id          recorded in archives; an archive of another id is refused
 * @param model       the model itself, embedding texts as given
 * @param roles       prefixes by role: use {@link #passages()} for what is stored and {@link #queries()} for questions
 * @param tokens      counts the model's word pieces, to keep chunks within its window
 * @param window      the most word pieces of one text the model reads ([CLS] and [SEP] included):
 *                    a chunk, with its passage prefix and its article's title and date, stays within it
 * @param description what the model is, for logs and reports
 */
public record Embeddings(
        String id, EmbeddingModel model, TextRoles roles, TokenCountEstimator tokens, int window, String description) {

    /**
     * The window of a BERT-style model whose own limit is not known: what LangChain4j's ONNX
     * encoder embeds in one inference (510 word pieces and the two special ones; it cuts longer
     * texts into parts and averages their vectors), and the limit of most BERT-size models.
     */
    public static final int ENCODER_WINDOW = 512;

    /** A model without role prefixes, counted with the BERT tokenizer all built-in models share. */
    public static Embeddings of(String id, EmbeddingModel model) {
        return new Embeddings(id, model, TextRoles.NONE, new WordPieceCount(), ENCODER_WINDOW, model.toString());
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
