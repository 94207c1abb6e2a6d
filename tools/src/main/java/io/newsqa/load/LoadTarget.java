package io.newsqa.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The endpoints the load generator exercises, and the request each makes of a question. */
public enum LoadTarget {

    /** {@code GET /api/search?q=...}: hybrid search, no answer. */
    search {
        @Override
        HttpRequest request(URI base, String question, Duration timeout) {
            return HttpRequest.newBuilder(
                            base.resolve("/api/search?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)))
                    .timeout(timeout)
                    .GET()
                    .build();
        }
    },

    /** {@code POST /api/ask}: search plus the answer (extractive unless a language model is configured). */
    ask {
        @Override
        HttpRequest request(URI base, String question, Duration timeout) {
            try {
                return HttpRequest.newBuilder(base.resolve("/api/ask"))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("question", question))))
                        .build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A question string always serialises", e);
            }
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    abstract HttpRequest request(URI base, String question, Duration timeout);
}
