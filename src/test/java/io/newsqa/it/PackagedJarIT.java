package io.newsqa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.support.Seed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar as a user runs it: help, ingest, ask. Runs in the integration-test phase,
 * after {@code target/newsqa.jar} is built.
 */
class PackagedJarIT {

    private static final Path SEED = Seed.FILE;

    @TempDir
    Path dataDir;

    private JarCommand.Run run(String... args) throws IOException, InterruptedException {
        return JarCommand.run(dataDir, List.of(), Map.of(), args);
    }

    @Test
    void helpListsTheCommands() throws Exception {
        JarCommand.Run help = run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("serve", "ingest", "ask");
    }

    @Test
    void ingestThenAskAnswersFromTheSeedWithItsCitation() throws Exception {
        JarCommand.Run ingest = run("ingest", SEED.toString());
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        assertThat(ingest.output()).contains("added 1");

        JarCommand.Run ask = run("ask", "لماذا اتصل بوتين بنتنياهو مرتين؟");
        assertThat(ask.exitCode()).as(ask.output()).isZero();
        assertThat(ask.output()).contains("[1] للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو");
    }

    @Test
    void ingestOfAMissingFileSaysSoAndFails() throws Exception {
        JarCommand.Run ingest = run("ingest", "does-not-exist.txt");

        assertThat(ingest.exitCode()).isEqualTo(1);
        assertThat(ingest.output()).contains("does-not-exist.txt", "no such file");
        assertThat(Files.exists(JarCommand.JAR)).isTrue();
    }
}
