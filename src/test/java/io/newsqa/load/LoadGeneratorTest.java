package io.newsqa.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator against a real HTTP server that fails every third request and records what it was asked. */
class LoadGeneratorTest {

    private HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/search", exchange -> {
            asked.add(URI.create(exchange.getRequestURI().toString()).getQuery());
            int status = received.incrementAndGet() % 3 == 0 ? 503 : 200;
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/actuator/prometheus", exchange -> {
            byte[] body = ("jvm_memory_max_bytes{area=\"heap\",id=\"G1 Eden Space\"} -1.0\n"
                            + "jvm_memory_max_bytes{area=\"heap\",id=\"G1 Old Gen\"} 5.36870912E8\n"
                            + "jvm_memory_max_bytes{area=\"nonheap\",id=\"Metaspace\"} -1.0\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void countsEveryRequestAndEveryFailureByStatusAndAsksTheQuestionsInTurn() throws Exception {
        LoadReport report = new LoadGenerator(base(), List.of("أمطار", "tram"), Duration.ofSeconds(30))
                .run(LoadTarget.search, 3, Duration.ofSeconds(2));

        // Each client sends at least one request (the first ones can take seconds on a busy machine).
        assertThat(report.requests()).isEqualTo(received.get()).isGreaterThanOrEqualTo(3);
        assertThat(report.errors()).containsOnlyKeys("503");
        assertThat(report.errorCount()).isEqualTo(received.get() / 3);
        assertThat(report.p50Millis()).isPositive().isLessThanOrEqualTo(report.p95Millis());
        assertThat(report.p99Millis()).isLessThanOrEqualTo(report.maxMillis());
        assertThat(report.seconds()).isBetween(2.0, 35.0);
        assertThat(asked).containsExactlyInAnyOrder("q=أمطار", "q=tram");
        assertThat(report.tableRow()).startsWith("| search | 3 |").contains("503");
    }

    @Test
    void aServerThatIsGoneIsCountedAsFailedRequestsNotAsACrash() throws Exception {
        URI gone = base();
        server.stop(0);

        LoadReport report = new LoadGenerator(gone, List.of("q"), Duration.ofSeconds(2))
                .run(LoadTarget.ask, 2, Duration.ofMillis(300));

        assertThat(report.requests()).isPositive();
        assertThat(report.errors()).containsOnlyKeys("io");
        assertThat(report.errorCount()).isEqualTo(report.requests());
    }

    @Test
    void refusesARunWithoutClientsOrTime() {
        LoadGenerator generator = new LoadGenerator(base(), List.of("q"), Duration.ofSeconds(1));

        assertThatThrownBy(() -> generator.run(LoadTarget.search, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clients");
        assertThatThrownBy(() -> generator.run(LoadTarget.search, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("last some time");
        assertThat(received.get()).isZero();
    }

    @Test
    void readsTheServersHeapLimitFromItsMetrics() {
        assertThat(ServerHeap.maxBytes(base())).hasValue(536_870_912L);
    }
}
