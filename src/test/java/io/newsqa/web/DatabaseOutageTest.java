package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.ingest.SampleArchive;
import io.newsqa.support.FaultLog;
import io.newsqa.support.PrivatePostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL really stopped (a private cluster, {@code pg_ctl stop -m immediate}) under clients
 * asking and searching: every response is 200 or 503 problem+json, the first 503 comes within
 * 2 s, no request hangs, readiness goes down; started again, answers and readiness come back
 * within seconds, with the same application (no restart).
 */
@ExtendWith(FaultLog.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its pool points at a cluster that is gone after this class
class DatabaseOutageTest {

    private static final PrivatePostgres CLUSTER = PrivatePostgres.start();
    private static final int CLIENTS = 4;
    /** No request may take longer, outage or not. */
    private static final Duration REQUEST_BOUND = Duration.ofSeconds(5);

    private static final Duration FIRST_503_WITHIN = Duration.ofSeconds(2);
    private static final Duration RECOVERY_WITHIN = Duration.ofSeconds(5);
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    int port;

    @Autowired
    SampleArchive sampleArchive;

    private record Outcome(long startNanos, long endNanos, int status, String contentType) {}

    @DynamicPropertySource
    static void privateCluster(DynamicPropertyRegistry registry) {
        registry.add("newsqa.db.url", CLUSTER::url);
        registry.add("newsqa.db.user", CLUSTER::user);
        registry.add("newsqa.db.password", () -> "");
        registry.add("newsqa.db.schema", () -> "outage");
        registry.add("newsqa.web.rate-limit.requests", () -> "0");
        registry.add("newsqa.web.search-rate-limit.requests", () -> "0");
    }

    @AfterAll
    static void removeCluster() {
        CLUSTER.close();
    }

    @Test
    void stoppedMidTrafficItAnswers503FastAndRecoversWithoutARestart() throws Exception {
        sampleArchive.loadIfEmpty();
        assertThat(ask().status()).isEqualTo(200);

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long hardStop = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int c = 0; c < CLIENTS; c++) {
            boolean asking = c % 2 == 0;
            clients.execute(() -> {
                for (int i = 0; i < 5_000 && !stop.get() && System.nanoTime() < hardStop; i++) {
                    outcomes.add(asking ? ask() : search());
                }
            });
        }
        try {
            Thread.sleep(1500);
            CLUSTER.stopImmediately();
            long stoppedAt = System.nanoTime();
            boolean readinessDown = awaitReadiness(503, Duration.ofSeconds(10));
            Thread.sleep(2000);
            CLUSTER.startServer();
            long restartedAt = System.nanoTime();
            long firstOkAfterRestart = awaitOk(restartedAt, outcomes, Duration.ofSeconds(20));
            boolean readinessUp = awaitReadiness(200, Duration.ofSeconds(10));
            Thread.sleep(1000);
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS))
                    .as("clients end")
                    .isTrue();

            List<Outcome> all = List.copyOf(outcomes);
            long first503 = all.stream()
                    .filter(o -> o.status() == 503)
                    .mapToLong(Outcome::endNanos)
                    .min()
                    .orElse(Long.MAX_VALUE);
            Duration toFirst503 = Duration.ofNanos(first503 - stoppedAt);
            Duration toRecovery = Duration.ofNanos(firstOkAfterRestart - restartedAt);
            Duration slowest = Duration.ofNanos(all.stream()
                    .mapToLong(o -> o.endNanos() - o.startNanos())
                    .max()
                    .orElse(0));
            long unavailable = all.stream().filter(o -> o.status() == 503).count();
            long other = all.stream()
                    .filter(o -> o.status() != 200 && o.status() != 503)
                    .count();
            FaultLog.record(
                    "database-stopped",
                    "every response 200/503; first 503 <= 2 s; 200 again <= 5 s after restart",
                    String.format(
                            "%d requests, %d x 503, %d other; first 503 after %d ms; 200 again %d ms after restart;"
                                    + " slowest %d ms; readiness down %s, up %s",
                            all.size(),
                            unavailable,
                            other,
                            toFirst503.toMillis(),
                            toRecovery.toMillis(),
                            slowest.toMillis(),
                            readinessDown,
                            readinessUp));

            assertThat(all).extracting(Outcome::status).containsOnly(200, 503);
            assertThat(all)
                    .filteredOn(o -> o.status() == 503)
                    .extracting(Outcome::contentType)
                    .allMatch(type -> type.startsWith("application/problem+json"));
            assertThat(unavailable).as("the outage was seen").isPositive();
            assertThat(toFirst503).isLessThan(FIRST_503_WITHIN);
            assertThat(slowest).isLessThan(REQUEST_BOUND);
            assertThat(readinessDown).as("readiness down while the database is").isTrue();
            assertThat(toRecovery).isLessThan(RECOVERY_WITHIN);
            assertThat(readinessUp).as("readiness back").isTrue();
            long afterRecovery = all.stream()
                    .filter(o -> o.startNanos() > firstOkAfterRestart + 500_000_000L)
                    .count();
            assertThat(all)
                    .filteredOn(o -> o.startNanos() > firstOkAfterRestart + 500_000_000L)
                    .as("after recovery everything is answered (%d requests)", afterRecovery)
                    .extracting(Outcome::status)
                    .containsOnly(200);
        } finally {
            stop.set(true);
            clients.shutdownNow();
        }
    }

    private Outcome ask() {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"question\":\"متى يفتتح خط الترام؟\"}", StandardCharsets.UTF_8)));
    }

    private Outcome search() {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/search?q=tram"))
                .GET());
    }

    /** A request that did not finish within the bound counts as status 0 (a hang). */
    private static Outcome send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.timeout(REQUEST_BOUND).build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(
                    start,
                    System.nanoTime(),
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            return new Outcome(start, System.nanoTime(), 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(start, System.nanoTime(), 0, "interrupted");
        }
    }

    private long awaitOk(long after, ConcurrentLinkedQueue<Outcome> outcomes, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (Outcome o : outcomes) {
                if (o.startNanos() > after && o.status() == 200) {
                    return o.endNanos();
                }
            }
            Thread.sleep(20);
        }
        return deadline;
    }

    private boolean awaitReadiness(int status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                    .GET())
                            .status()
                    == status) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
