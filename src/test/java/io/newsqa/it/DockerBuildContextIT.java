package io.newsqa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker image's build stage without a Docker engine: exactly what the Dockerfile's
 * {@code COPY} lines take from the build context goes into an empty folder, the wrapper builds the
 * jar there (offline, from the local repository the tests already use), and the jar must start
 * until its health endpoint says UP. A folder the build needs but the Dockerfile does not copy
 * (the packaged prompts, say) fails here as it would in the image.
 */
class DockerBuildContextIT {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @TempDir
    Path dir;

    /** One {@code COPY src... dest} line of the build stage, taken from the build context. */
    record Copy(List<String> sources, String destination) {

        static Copy parse(String line) {
            List<String> words = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
            words.remove(0);
            if (words.size() < 2
                    || words.stream().anyMatch(word -> word.startsWith("--") || word.startsWith("["))
                    || words.get(words.size() - 1).startsWith("/")) {
                throw new IllegalArgumentException(
                        "this test reads only plain 'COPY src... dest' lines with a relative dest: " + line);
            }
            return new Copy(words.subList(0, words.size() - 1), words.get(words.size() - 1));
        }
    }

    /** The build stage's COPY lines that read the build context (not {@code --from} another stage). */
    static List<Copy> contextCopies(List<String> dockerfile) {
        List<Copy> copies = new ArrayList<>();
        for (String line : dockerfile) {
            String trimmed = line.trim();
            if (trimmed.startsWith("FROM ") && !copies.isEmpty()) {
                break; // the run stage copies the jar from the build stage only
            }
            if (trimmed.startsWith("COPY ") && !trimmed.contains("--from=")) {
                copies.add(Copy.parse(trimmed));
            }
        }
        return copies;
    }

    @Test
    void theJarBuiltFromWhatTheDockerfileCopiesStartsAndIsHealthy() throws Exception {
        Path context = dir.resolve("context");
        Files.createDirectories(context);
        List<Copy> copies = contextCopies(Files.readAllLines(DOCKERFILE));
        assertThat(copies).as("COPY lines of the build stage").isNotEmpty();
        for (Copy copy : copies) {
            for (String source : copy.sources()) {
                copyAsDocker(Path.of(source), context, copy);
            }
        }

        Process build = new ProcessBuilder("./mvnw", "-o", "-B", "-q", "-DskipTests", "package")
                .directory(context.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("build.log").toFile())
                .start();
        assertThat(build.waitFor(15, TimeUnit.MINUTES)).as("the build finishes").isTrue();
        assertThat(build.exitValue())
                .as(Files.readString(dir.resolve("build.log")))
                .isZero();

        int port = freePort();
        ProcessBuilder serve = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-jar",
                        context.resolve("target/newsqa.jar").toString(),
                        "serve",
                        "--no-sample",
                        "--port",
                        String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.log").toFile());
        serve.environment().remove("NEWSQA_DB_URL");
        serve.environment().put("NEWSQA_DATA_DIR", dir.resolve("data").toString());
        Process app = serve.start();
        try {
            String health = awaitHealth(app, port, Duration.ofMinutes(4));
            assertThat(health).as(Files.readString(dir.resolve("serve.log"))).contains("\"status\":\"UP\"");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /**
     * As Docker copies: a file goes into the destination folder (a destination ending in '/', or
     * one of several sources) or becomes the destination; a folder's contents go into the destination.
     */
    private static void copyAsDocker(Path source, Path context, Copy copy) throws IOException {
        assertThat(source)
                .as("the Dockerfile copies " + source + ", which must exist")
                .exists();
        Path destination = context.resolve(copy.destination()).normalize();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = destination.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } else {
            boolean intoFolder =
                    copy.destination().endsWith("/") || copy.sources().size() > 1;
            Path target = intoFolder ? destination.resolve(source.getFileName().toString()) : destination;
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** The health endpoint's body once it answers 200, or the last answer (or failure) when the time is up or the app exited. */
    private static String awaitHealth(Process app, int port, Duration patience) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                HttpResponse<String> response =
                        client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(1000);
        }
        return app.isAlive() ? last : "the app exited with " + app.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
