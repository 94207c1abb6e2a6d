package io.newsqa.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.newsqa.support.EmbeddingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Every model named in the settings loads from the jar and embeds by meaning, with its own prefixes. */
class BuiltInModelsTest {

    @ParameterizedTest
    @EnumSource(BuiltInModel.class)
    void loadsFromTheJarAndRanksTheRelatedPassageFirst(BuiltInModel builtIn) {
        Embeddings embeddings = EmbeddingModels.load(EmbeddingSettings.builtIn(builtIn.id()));

        assertThat(embeddings.id()).isEqualTo(builtIn.id());
        assertThat(embeddings.dimension()).isEqualTo(384);
        Embedding question =
                embeddings.queries().embed("When does the new tram line open?").content();
        Embedding related = embeddings
                .passages()
                .embed("The city's first tram line will carry passengers from June.")
                .content();
        Embedding unrelated = embeddings
                .passages()
                .embed("The central bank left its main interest rate unchanged.")
                .content();
        assertThat(CosineSimilarity.between(question, related))
                .isGreaterThan(CosineSimilarity.between(question, unrelated));
    }

    @ParameterizedTest
    @EnumSource(BuiltInModel.class)
    void eachWindowIsThePublishedLimitWhichThePackagedTokenizerAllowsOrIsRaisedTo(BuiltInModel builtIn)
            throws IOException {
        try (InputStream tokenizer = builtIn.open("-tokenizer.json")) {
            OptionalInt packaged = TokenizerFile.truncation(tokenizer);
            if (packaged.isEmpty()) { // bge, e5: 512, all the encoder reads in one inference
                assertThat(builtIn.window()).isEqualTo(Embeddings.ENCODER_WINDOW);
            } else { // all-MiniLM: packaged truncating at 128, published with 256
                assertThat(packaged).hasValue(128);
                assertThat(builtIn.window()).isEqualTo(256);
            }
        }
    }

    @Test
    void theDefaultModelDoesNotSeeWhatComesAfterItsWindow() {
        Embeddings minilm = EmbeddingModels.load(EmbeddingSettings.defaults());
        assertThat(minilm.window()).isEqualTo(256);
        String sentence = "the council met on monday to discuss the tram ";
        StringBuilder start = new StringBuilder();
        while (minilm.tokens().estimateTokenCountInText(start + sentence) + 2 + 8 <= minilm.window()) {
            start.append(sentence); // leaves room for the endings below: well past MiniLM's packaged 128
        }
        String within = start.toString().strip();
        String beyond = within + " " + sentence.repeat(2).strip();

        // Texts that differ only after the window get one vector; differing within it, they do not.
        assertThat(minilm.model()
                        .embed(beyond + " apples and oranges")
                        .content()
                        .vector())
                .isEqualTo(minilm.model()
                        .embed(beyond + " a football match in the rain")
                        .content()
                        .vector());
        assertThat(CosineSimilarity.between(
                        minilm.model().embed(within + " apples and oranges").content(),
                        minilm.model()
                                .embed(within + " a football match in the rain")
                                .content()))
                .isLessThan(0.999);
    }

    @Test
    void aBuiltInModelRefusesAWindowSetting() {
        EmbeddingProperties set = new Binder(
                        new MapConfigurationPropertySource(Map.of("newsqa.embedding.max-input-tokens", "256")))
                .bindOrCreate("newsqa.embedding", EmbeddingProperties.class);
        assertThatThrownBy(() -> EmbeddingModels.load(set))
                .hasMessageContaining("max-input-tokens is for onnx, openai and ollama")
                .hasMessageContaining("reads 256");
    }

    @Test
    void e5SeesItsQueryAndPassageMarks() {
        Embeddings e5 = EmbeddingModels.load(EmbeddingSettings.builtIn("e5-small-v2-q"));
        String text = "Tram line opens in June";

        float[] asQuery = e5.queries().embed(text).content().vector();
        float[] asPassage = e5.passages().embed(text).content().vector();
        assertThat(asQuery)
                .isEqualTo(e5.model().embed("query: " + text).content().vector());
        assertThat(asPassage)
                .isEqualTo(e5.model().embed("passage: " + text).content().vector());
        assertThat(Arrays.equals(asQuery, asPassage)).isFalse();
    }

    @Test
    void theDefaultIsTheModelArchivesWereMadeWithBeforeTheChoice() {
        // What the application binds when nothing is configured.
        EmbeddingProperties unset = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("newsqa.embedding", EmbeddingProperties.class);
        assertThat(unset.provider()).isEqualTo("built-in");
        assertThat(unset.model()).isEqualTo("all-minilm-l6-v2-q");
        Embeddings embeddings = EmbeddingModels.load(unset);
        assertThat(embeddings.id()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(embeddings.passages()).isSameAs(embeddings.model());
        assertThat(embeddings.queries()).isSameAs(embeddings.model());
    }

    @Test
    void anUnknownNameListsTheModelsThereAre() {
        assertThatThrownBy(() -> EmbeddingModels.load(EmbeddingSettings.builtIn("bge-large")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'bge-large'")
                .hasMessageContaining("bge-small-en-v1.5-q")
                .hasMessageContaining("e5-small-v2");
    }

    @Test
    void prefixesAreRefusedForBuiltInModelsRatherThanIgnored() {
        EmbeddingProperties withPrefix =
                EmbeddingSettings.provider("built-in", null, "bge-small-en-v1.5-q", null, "query: ", null);
        assertThatThrownBy(() -> EmbeddingModels.load(withPrefix)).hasMessageContaining("prefixes it was trained with");
    }

    @Test
    void anUnknownProviderNamesTheKnownOnes() {
        assertThatThrownBy(() ->
                        EmbeddingModels.load(EmbeddingSettings.provider("cohere", null, "embed-v3", null, null, null)))
                .hasMessageContaining("'cohere'")
                .hasMessageContaining("onnx, openai or ollama");
    }
}
