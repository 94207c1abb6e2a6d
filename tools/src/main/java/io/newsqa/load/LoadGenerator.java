package io.newsqa.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: a fixed pool of clients (Java 17 has no virtual threads), each
 * sending its next request as soon as the last is answered, for a fixed time, over a list of
 * questions taken in turn. Bounded: every request has a timeout and no request starts after the
 * deadline, so a run ends within duration + timeout.
 */
public final class LoadGenerator {

    private final URI base;
    private final List<String> questions;
    private final Duration requestTimeout;
    private final HttpClient http;

    /**
     * @param base      the server, e.g. {@code http://127.0.0.1:8080}
     * @param questions asked in turn by all clients together; not empty
     */
    public LoadGenerator(URI base, List<String> questions, Duration requestTimeout) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("The load generator needs at least one question");
        }
        this.base = base;
        this.questions = List.copyOf(questions);
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .build();
    }

    public LoadReport run(LoadTarget target, int clients, Duration duration) throws InterruptedException {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1 (got " + clients + ")");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the run must last some time (got " + duration + ")");
        }
        Histogram latencies = new ConcurrentHistogram(3);
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int i = 0; i < clients; i++) {
                pool.execute(() -> {
                    while (System.nanoTime() < deadline
                            && !Thread.currentThread().isInterrupted()) {
                        String question = questions.get((int) (next.getAndIncrement() % questions.size()));
                        long sent = System.nanoTime();
                        String failure = send(target, question);
                        latencies.recordValue(System.nanoTime() - sent);
                        if (failure != null) {
                            errors.computeIfAbsent(failure, key -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(duration.plus(requestTimeout).toSeconds() + 5, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadReport(
                target,
                clients,
                seconds,
                latencies.getTotalCount(),
                errors.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().get())),
                millis(latencies, 50),
                millis(latencies, 95),
                millis(latencies, 99),
                latencies.getMaxValue() / 1e6);
    }

    /** Null when the server answered 2xx, else what went wrong: the status, "timeout" or "io". */
    private String send(LoadTarget target, String question) {
        try {
            HttpResponse<Void> response =
                    http.send(target.request(base, question, requestTimeout), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : Integer.toString(response.statusCode());
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return "io";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }
}
