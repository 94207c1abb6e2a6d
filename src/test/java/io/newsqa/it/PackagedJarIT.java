package io.newsqa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar as a user runs it: help, ingest, ask. Runs in the integration-test phase,
 * after {@code target/newsqa.jar} is built.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "newsqa.jar");
    private static final Path SEED = Path.of("..", "shared", "seeds", "000_23fb25f5c3115797.txt");

    @TempDir
    Path dataDir;

    record Run(int exitCode, String output) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dnewsqa.data-dir=" + dataDir.resolve("archive"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("NEWSQA_DB_URL");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Run help = run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("serve", "ingest", "ask");
    }

    @Test
    void ingestThenAskAnswersFromTheSeedWithItsCitation() throws Exception {
        Run ingest = run("ingest", SEED.toString());
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        assertThat(ingest.output()).contains("added 1");

        Run ask = run("ask", "لماذا اتصل بوتين بنتنياهو مرتين؟");
        assertThat(ask.exitCode()).as(ask.output()).isZero();
        assertThat(ask.output()).contains("[1] للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو");
    }

    @Test
    void ingestOfAMissingFileSaysSoAndFails() throws Exception {
        Run ingest = run("ingest", "does-not-exist.txt");

        assertThat(ingest.exitCode()).isEqualTo(1);
        assertThat(ingest.output()).contains("does-not-exist.txt", "no such file");
        assertThat(Files.exists(JAR)).isTrue();
    }
}
