package io.newsqa.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one load run measured.
 *
 * @param target      the endpoint
 * @param clients     concurrent clients, each sending its next request when the last is answered
 * @param seconds     how long the run lasted
 * @param requests    requests answered (any status) or failed
 * @param errors      requests that did not get a 2xx answer, by status ("timeout", "io" for no answer)
 * @param p50Millis   median latency of all requests
 * @param p95Millis   95th percentile
 * @param p99Millis   99th percentile
 * @param maxMillis   slowest request
 */
public record LoadReport(
        LoadTarget target,
        int clients,
        double seconds,
        long requests,
        Map<String, Long> errors,
        double p50Millis,
        double p95Millis,
        double p99Millis,
        double maxMillis) {

    public LoadReport {
        errors = Map.copyOf(new TreeMap<>(errors));
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public double throughput() {
        return requests / Math.max(seconds, 1e-3);
    }

    public static String tableHeader() {
        return "| endpoint | clients | s | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
    }

    public String tableRow() {
        return String.format(
                "| %s | %d | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
                target,
                clients,
                seconds,
                requests,
                throughput(),
                p50Millis,
                p95Millis,
                p99Millis,
                maxMillis,
                errors.isEmpty() ? "0" : errorCount() + " " + errors);
    }
}
