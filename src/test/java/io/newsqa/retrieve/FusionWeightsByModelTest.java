package io.newsqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Fusion weights: the embedding model's own for a language where set, else the language's, else the default. */
class FusionWeightsByModelTest {

    private final RetrievalProperties retrieval = new Binder(new MapConfigurationPropertySource(Map.of(
                    "newsqa.retrieval.rrf-k",
                    "60",
                    "newsqa.retrieval.weights.ar.dense",
                    "0",
                    "newsqa.retrieval.weights.ar.lexical",
                    "1",
                    "newsqa.retrieval.weights.en.dense",
                    "0.3",
                    "newsqa.retrieval.weights.en.lexical",
                    "1",
                    "newsqa.retrieval.weights.default.dense",
                    "1",
                    "newsqa.retrieval.weights.default.lexical",
                    "1",
                    // A model id with a dot, as the built-in names have: bracketed in properties and YAML.
                    "newsqa.retrieval.model-weights[e5-small-v1.5].en.dense",
                    "2",
                    "newsqa.retrieval.model-weights[e5-small-v1.5].en.lexical",
                    "1")))
            .bind("newsqa.retrieval", RetrievalProperties.class)
            .get();

    @Test
    void aModelsOwnWeightsReplaceTheLanguagesOnlyWhereSet() {
        Function<String, FusionWeights> e5 = RetrievalConfiguration.fusionWeights(retrieval, "e5-small-v1.5");
        Function<String, FusionWeights> other = RetrievalConfiguration.fusionWeights(retrieval, "all-minilm-l6-v2-q");

        assertThat(e5.apply("en")).isEqualTo(new FusionWeights(2, 1, 60));
        assertThat(e5.apply("ar")).isEqualTo(new FusionWeights(0, 1, 60));
        assertThat(e5.apply("fr")).isEqualTo(new FusionWeights(1, 1, 60));
        assertThat(other.apply("en")).isEqualTo(new FusionWeights(0.3, 1, 60));
    }
}
