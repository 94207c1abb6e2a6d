package io.newsqa.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tuned model is the same model: its vectors are LangChain4j's, in the same order. */
class InProcessEmbeddingModelTest {

    static final List<TextSegment> TEXTS = List.of(
            TextSegment.from("أعلن الكرملين أن الرئيس الروسي فلاديمير بوتين أجرى اتصالا هاتفيا مع بنيامين نتنياهو."),
            TextSegment.from("The mayor called an emergency meeting after the river flooded the coastal road."),
            TextSegment.from("يفتتح خط الترام الجديد في يونيو"),
            TextSegment.from("Tram line opens in June"));

    @Test
    void givesLangChain4jsVectorsInOrder() {
        List<Embedding> tuned =
                BuiltInModel.ALL_MINILM_L6_V2_Q.load(2).embedAll(TEXTS).content();
        List<Embedding> reference =
                new AllMiniLmL6V2QuantizedEmbeddingModel().embedAll(TEXTS).content();

        assertThat(tuned).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(CosineSimilarity.between(tuned.get(i), reference.get(i)))
                    .as("text %d", i)
                    .isGreaterThan(0.9999);
        }
        assertThat(CosineSimilarity.between(tuned.get(0), reference.get(1))).isLessThan(0.9);
        assertThat(BuiltInModel.ALL_MINILM_L6_V2_Q.load(1).dimension()).isEqualTo(384);
    }

    @Test
    void refusesZeroThreads() {
        assertThatThrownBy(() -> BuiltInModel.ALL_MINILM_L6_V2_Q.load(0)).hasMessageContaining("at least 1");
    }
}
