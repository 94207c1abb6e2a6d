package io.newsqa.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap the server under load is held to (its -Xmx), read from its Prometheus metrics: the
 * sum of the heap pools' maximums (G1 reports -1, "no own limit", for eden and survivor).
 */
public final class ServerHeap {

    private static final Pattern HEAP_MAX =
            Pattern.compile("^jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$", Pattern.MULTILINE);

    private ServerHeap() {}

    /** Empty when the server does not expose /actuator/prometheus. */
    public static OptionalLong maxBytes(URI base) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? heapMax(response.body()) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    static OptionalLong heapMax(String metrics) {
        Matcher pool = HEAP_MAX.matcher(metrics);
        long sum = 0;
        boolean any = false;
        while (pool.find()) {
            double max = Double.parseDouble(pool.group(1));
            if (max > 0) {
                sum += (long) max;
                any = true;
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }
}
