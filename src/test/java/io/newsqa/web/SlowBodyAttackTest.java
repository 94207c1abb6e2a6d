package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Slow-body attacks with real sockets against a server started here: clients that send headers
 * announcing a body, then trickle it one byte every 2 s. The server has few worker threads
 * (16) so that, if a trickled body held one each, a handful of attackers would stall every
 * reader. The attackers connect from 127.0.0.2, the reader from 127.0.0.1 (two client addresses
 * on the loopback network), so the per-address cap tells them apart as it would two machines.
 * Every attack is bounded: at most 40 connections, each for at most 30 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlowBodyAttackTest {

    private static final String KEY = "slow-body-admin-key-4a7e";
    private static final String ATTACKER = "127.0.0.2";
    private static final int WORKER_THREADS = 16;
    private static final long BODY_DEADLINE_MILLIS = 4_000;
    private static final int PER_CLIENT = 6;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("newsqa-slow-body-test").toString();
        registry.add("newsqa.data-dir", () -> dataDir);
        registry.add("newsqa.db.url", () -> "");
        registry.add("newsqa.admin.api-key", () -> KEY);
        registry.add("newsqa.feeds.enabled", () -> "false");
        registry.add("newsqa.web.rate-limit.requests", () -> "0");
        registry.add("newsqa.web.search-rate-limit.requests", () -> "0");
        registry.add("newsqa.web.request-limits.max-request-time", () -> BODY_DEADLINE_MILLIS + "ms");
        registry.add("newsqa.web.max-requests-per-client", () -> Integer.toString(PER_CLIENT));
        registry.add("server.tomcat.threads.max", () -> Integer.toString(WORKER_THREADS));
    }

    @LocalServerPort
    int port;

    /** What one trickling connection saw: the status line (or none) and when the server ended it. */
    private record Outcome(String statusLine, long millis) {}

    @Test
    void keylessFormBodiesTrickledToAdministrationStallNoReader() throws Exception {
        timedSearch();
        long normal = timedSearch();
        ExecutorService attackers = Executors.newFixedThreadPool(40);
        try {
            List<CompletableFuture<Outcome>> attacks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String type = i % 2 == 0 ? "application/x-www-form-urlencoded" : "application/json";
                attacks.add(CompletableFuture.supplyAsync(
                        () -> trickle("PATCH", "/api/admin/feeds/1", type, null, 1_000), attackers));
            }
            Thread.sleep(3_000);
            long underAttack = timedSearch();

            assertThat(underAttack)
                    .as("search under attack (normally %d ms)", normal)
                    .isLessThan(normal + 3_000);
            for (CompletableFuture<Outcome> attack : attacks) {
                Outcome outcome = attack.get();
                // Refused unread (the route takes JSON only: 415; else no key: 401; or over the
                // address's share: 429) and the connection closed, not drained for the 2,000 s the
                // whole body would take.
                assertThat(outcome.statusLine()).matches("HTTP/1.1 (401|415|429) .*");
                assertThat(outcome.millis()).isLessThan(5_000);
            }
        } finally {
            attackers.shutdownNow();
        }
    }

    @Test
    void aQuestionTrickledPastTheDeadlineIsCutOffWith408() {
        Outcome outcome = trickle("POST", "/api/ask", "application/json", null, 1_000);

        assertThat(outcome.statusLine()).contains("408");
        assertThat(outcome.millis()).isBetween(BODY_DEADLINE_MILLIS - 500, BODY_DEADLINE_MILLIS + 6_000);
    }

    @Test
    void aQuestionWhoseBodyStopsArrivingIsCutOffByTheUploadTimeout() throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(ATTACKER, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 1000\r\n\r\n{\"question\": \"tr")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // then silence: the read waiting on it ends after the upload timeout, and the connection with it
            byte[] answer = socket.getInputStream().readAllBytes();

            assertThat(new String(answer, StandardCharsets.US_ASCII))
                    .satisfiesAnyOf(
                            text -> assertThat(text).isEmpty(),
                            text -> assertThat(text).startsWith("HTTP/1.1 408"));
        }
        assertThat(elapsed(start)).isBetween(BODY_DEADLINE_MILLIS - 500, 2 * BODY_DEADLINE_MILLIS + 3_000);
    }

    @Test
    void requestsInProgressPerClientAddressAreCapped() throws Exception {
        ExecutorService attackers = Executors.newFixedThreadPool(PER_CLIENT + 4);
        try {
            List<CompletableFuture<Outcome>> attacks = new ArrayList<>();
            for (int i = 0; i < PER_CLIENT + 4; i++) {
                attacks.add(CompletableFuture.supplyAsync(
                        () -> trickle("POST", "/api/ask", "application/json", null, 1_000), attackers));
            }
            Thread.sleep(1_000);
            long underAttack = timedSearch();

            List<String> statuses = new ArrayList<>();
            for (CompletableFuture<Outcome> attack : attacks) {
                statuses.add(attack.get().statusLine());
            }
            assertThat(statuses)
                    .filteredOn(status -> status != null && status.contains("429"))
                    .hasSize(4);
            assertThat(statuses)
                    .filteredOn(status -> status != null && status.contains("408"))
                    .hasSize(PER_CLIENT);
            assertThat(underAttack).isLessThan(3_000);
        } finally {
            attackers.shutdownNow();
        }
    }

    private long timedSearch() {
        long start = System.nanoTime();
        assertThat(Http.get("http://127.0.0.1:" + port + "/api/search?q=museum").statusCode())
                .isEqualTo(200);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Sends the headers of a request announcing {@code length} body bytes from the attacker's
     * address, then one byte every 2 s (also after an answer, as an attacker would) until the
     * server closes the connection or 30 s pass; the time is when the connection ended.
     */
    private Outcome trickle(String method, String path, String contentType, String key, int length) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(ATTACKER, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                            + "\r\nContent-Length: " + length + "\r\n"
                            + (key == null ? "" : "X-Api-Key: " + key + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = new byte[512];
            String statusLine = null;
            for (int sent = 0; sent < length && elapsed(start) < 30_000; sent++) {
                try {
                    int n = in.read(answer);
                    if (n < 0) {
                        break;
                    }
                    if (statusLine == null) {
                        statusLine = new String(answer, 0, n, StandardCharsets.US_ASCII)
                                .lines()
                                .findFirst()
                                .orElse("");
                    }
                } catch (SocketTimeoutException nothingYet) {
                    // an attacker goes on sending after the answer: the server must close, not drain
                } catch (IOException reset) {
                    break;
                }
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
            }
            return new Outcome(statusLine, elapsed(start));
        } catch (IOException e) {
            // a reset or a refused write: the server closed the connection
            return new Outcome(null, elapsed(start));
        }
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
