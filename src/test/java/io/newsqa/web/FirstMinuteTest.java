package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsqa.NewsQaApplication;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.ingest.SampleOnServe;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first minute of {@code serve} on an empty archive: readiness turns UP only with the sample
 * archive loaded (seen from inside, at the event), the banner prints after it, and the question
 * the banner suggests, asked over HTTP the moment readiness answers UP, is answered from the seed.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstMinuteTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String SHOWCASE = "لماذا اتصل بوتين بنتنياهو مرتين؟";

    @Test
    void readinessAndTheBannerWaitForTheSampleAndTheFirstQuestionIsAnswered(CapturedOutput output) throws Exception {
        int port = freePort();
        String base = "http://localhost:" + port;
        AtomicLong articlesWhenReady = new AtomicLong(-1);
        ApplicationListener<AvailabilityChangeEvent<?>> readinessWatch = event -> {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC
                    && event.getSource() instanceof ApplicationContext context) {
                articlesWhenReady.set(
                        context.getBean(ArchiveIndex.class).stats().articles());
            }
        };
        CompletableFuture<ConfigurableApplicationContext> started =
                CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(NewsQaApplication.class)
                        .web(WebApplicationType.SERVLET)
                        // Arguments, not default properties: those lose to application.yml's data-dir.
                        .listeners(readinessWatch)
                        .run(
                                "--server.port=" + port,
                                "--newsqa.data-dir=" + tempDir(),
                                "--newsqa.db.url=",
                                "--newsqa.feeds.enabled=false",
                                // A chosen folder gets the sample only when asked, as serve --sample does.
                                "--" + SampleOnServe.PROPERTY + "=always"));
        List<Integer> readiness = new ArrayList<>();
        JsonNode first = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (first == null && System.nanoTime() < deadline && !started.isCompletedExceptionally()) {
            int status = status(base + "/actuator/health/readiness");
            readiness.add(status);
            if (status == 200) {
                first = Http.json(Http.postJson(base + "/api/ask", Map.of("question", SHOWCASE)));
            } else {
                Thread.sleep(20);
            }
        }
        try (ConfigurableApplicationContext context = started.get()) {
            assertThat(first).as("readiness came up").isNotNull();
            assertThat(articlesWhenReady.get())
                    .as("articles when readiness turned UP (polled: %s)", readiness)
                    .isEqualTo(context.getBean(ArchiveIndex.class).stats().articles())
                    .isPositive();
            assertThat(first.get("found").asBoolean()).as(first.toString()).isTrue();
            assertThat(first.get("citations").get(0).get("title").asText()).contains("بوتين");
            String log = output.getOut();
            assertThat(log.indexOf("Sample archive: "))
                    .isNotNegative()
                    .isLessThan(log.indexOf("NewsQA is serving at " + base));
        }
    }

    /** The status of a GET, or -1 while nothing listens. */
    private static int status(String url) {
        try {
            return CLIENT.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("newsqa-first-minute").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
