package io.newsqa.load;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.newsqa.support.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator against a real HTTP server that fails one of the two questions and records what it was asked. */
class LoadGeneratorTest {

    private static final String FAILING_QUESTION = "أمطار";

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = LocalHttpServer.start();
        server.stubFor(get(urlPathEqualTo("/api/search")).willReturn(okJson("{}")));
        server.stubFor(get(urlPathEqualTo("/api/search"))
                .withQueryParam("q", equalTo(FAILING_QUESTION))
                .willReturn(jsonResponse("{}", 503)));
        server.stubFor(get("/actuator/prometheus")
                .willReturn(ok("jvm_memory_max_bytes{area=\"heap\",id=\"G1 Eden Space\"} -1.0\n"
                        + "jvm_memory_max_bytes{area=\"heap\",id=\"G1 Old Gen\"} 5.36870912E8\n"
                        + "jvm_memory_max_bytes{area=\"nonheap\",id=\"Metaspace\"} -1.0\n")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private URI base() {
        return URI.create(LocalHttpServer.origin(server));
    }

    private List<LoggedRequest> searches() {
        return server.findAll(getRequestedFor(urlPathEqualTo("/api/search")));
    }

    @Test
    void countsEveryRequestAndEveryFailureByStatusAndAsksTheQuestionsInTurn() throws Exception {
        LoadReport report = new LoadGenerator(base(), List.of(FAILING_QUESTION, "tram"), Duration.ofSeconds(30))
                .run(LoadTarget.search, 3, Duration.ofSeconds(2));

        // Each client sends at least one request (the first ones can take seconds on a busy machine).
        List<LoggedRequest> received = searches();
        assertThat(report.requests()).isEqualTo(received.size()).isGreaterThanOrEqualTo(3);
        assertThat(report.errors()).containsOnlyKeys("503");
        assertThat(report.errorCount())
                .isPositive()
                .isEqualTo(received.stream()
                        .filter(request ->
                                request.queryParameter("q").firstValue().equals(FAILING_QUESTION))
                        .count());
        assertThat(report.p50Millis()).isPositive().isLessThanOrEqualTo(report.p95Millis());
        assertThat(report.p99Millis()).isLessThanOrEqualTo(report.maxMillis());
        assertThat(report.seconds()).isBetween(2.0, 35.0);
        assertThat(received)
                .extracting(request -> request.queryParameter("q").firstValue())
                .containsOnly(FAILING_QUESTION, "tram");
        assertThat(report.tableRow()).startsWith("| search | 3 |").contains("503");
    }

    @Test
    void aServerThatIsGoneIsCountedAsFailedRequestsNotAsACrash() throws Exception {
        URI gone = base();
        server.stop();

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
        assertThat(searches()).isEmpty();
    }

    @Test
    void readsTheServersHeapLimitFromItsMetrics() {
        assertThat(ServerHeap.maxBytes(base())).hasValue(536_870_912L);
    }
}
