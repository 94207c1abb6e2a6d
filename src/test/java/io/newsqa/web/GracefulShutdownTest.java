package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.NewsQaApplication;
import io.newsqa.ingest.SampleArchive;
import io.newsqa.support.FakeProviderServer;
import io.newsqa.support.FaultLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application closing (SIGTERM runs exactly this close) while a streamed answer is being
 * written: the answer still arrives whole, new requests are no longer taken, and the close waits
 * for the answer instead of cutting it.
 */
@ExtendWith(FaultLog.class)
class GracefulShutdownTest {

    @TempDir
    Path data;

    @Test
    void aStreamedAnswerInFlightWhenTheAppClosesIsCompleted() throws Exception {
        try (FakeProviderServer model = FakeProviderServer.start()) {
            ConfigurableApplicationContext app = new SpringApplicationBuilder(NewsQaApplication.class)
                    .run(
                            "--server.port=0",
                            "--newsqa.data-dir=" + data,
                            "--newsqa.llm.provider=openai",
                            "--newsqa.llm.base-url=" + model.openAiBaseUrl(),
                            "--newsqa.llm.model=test-model",
                            "--newsqa.llm.api-key=sk-test",
                            "--newsqa.llm.timeout=20s",
                            "--newsqa.llm.max-retries=0",
                            "--spring.lifecycle.timeout-per-shutdown-phase=20s");
            try {
                String base = "http://localhost:"
                        + ((WebServerApplicationContext) app).getWebServer().getPort();
                app.getBean(SampleArchive.class).loadIfEmpty();
                model.reply(FakeProviderServer.Reply.of()
                        .tokens("The first ", "tram line ", "opens on ", "3 June ", "2025 [", "1].")
                        .awaitProceed());

                HttpClient client = HttpClient.newHttpClient();
                HttpResponse<Stream<String>> response = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/ask/stream"))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"question\":\"When does the first tram line open?\"}",
                                        StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
                assertThat(response.statusCode()).isEqualTo(200);

                List<String> lines = new ArrayList<>();
                CompletableFuture<Void> closing = null;
                long closeStarted = 0;
                Integer refusedStatus = null;
                try (Stream<String> body = response.body()) {
                    Iterator<String> reading = body.iterator();
                    while (reading.hasNext()) {
                        String line = reading.next();
                        lines.add(line);
                        if (closing == null && line.startsWith("event:delta")) {
                            // The model is mid-answer: now the app is told to stop.
                            closeStarted = System.nanoTime();
                            closing = CompletableFuture.runAsync(app::close);
                            Thread.sleep(1000);
                            refusedStatus = statusOfANewRequest(base);
                            assertThat(closing)
                                    .as("the close waits for the answer in flight")
                                    .isNotDone();
                            model.proceed();
                        }
                    }
                }
                assertThat(closing)
                        .as("an answer was streaming when the close began")
                        .isNotNull();
                closing.get(30, TimeUnit.SECONDS);
                long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closeStarted);
                String stream = String.join("\n", lines);
                boolean whole = stream.contains("event:answer") && stream.contains("2025 [1].");
                FaultLog.record(
                        "graceful-shutdown",
                        "streamed answer in flight at close completes; new requests refused",
                        String.format(
                                "answer %s; new request during shutdown: %s; close took %d ms (waited for the answer)",
                                whole ? "complete" : "CUT",
                                refusedStatus == null ? "refused" : "status " + refusedStatus,
                                closeMillis));

                assertThat(stream)
                        .contains("event:answer")
                        .contains("\"mode\":\"llm\"")
                        .doesNotContain("event:error");
                assertThat(refusedStatus)
                        .as("no new request is taken while shutting down")
                        .isNull();
                assertThat(app.isActive()).isFalse();
            } finally {
                app.close(); // a no-op once closed
            }
        }
    }

    /** The status a new request gets, or null when the server no longer takes connections. */
    private static Integer statusOfANewRequest(String base) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/api/search?q=tram"))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException refused) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
