package io.newsqa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command of the packaged {@code target/newsqa.jar} as a user runs it, on an embedded archive
 * in a folder of the test's own (never a configured PostgreSQL), with its output and exit code.
 */
final class JarCommand {

    static final Path JAR = Path.of("target", "newsqa.jar");

    record Run(int exitCode, String output) {}

    private JarCommand() {}

    /**
     * @param jvmOptions  options before {@code -jar}, e.g. {@code -Dloader.path=…}
     * @param environment variables set for the process
     */
    static Run run(Path dataDir, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return run(JAR, dataDir, jvmOptions, environment, args);
    }

    /** As above, for another runnable jar built on the product (the tools module's). */
    static Run run(Path jar, Path dataDir, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dnewsqa.data-dir=" + dataDir.resolve("archive")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("NEWSQA_DB_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(process.exitValue(), output);
    }
}
