package io.newsqa.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedding provider started inside a test, speaking two wire protocols so that LangChain4j's
 * real clients can be pointed at it: OpenAI-compatible {@code POST /v1/embeddings} ({@code input}
 * a list, answer {@code data[].embedding} by {@code index}) and Ollama {@code POST /api/embed}
 * ({@code input} a list, answer {@code embeddings}). The vectors are computed by a real model
 * given to it, so retrieval over them behaves like retrieval over that model. Every request is
 * recorded; {@link #failNext} makes the next requests fail with an HTTP status.
 */
public final class EmbeddingServer implements AutoCloseable {

    /** One request as it crossed the wire. */
    public record Request(String path, Map<String, List<String>> headers, JsonNode body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public List<String> inputs() {
            List<String> inputs = new ArrayList<>();
            JsonNode input = body.path("input");
            if (input.isArray()) {
                input.forEach(text -> inputs.add(text.asText()));
            } else {
                inputs.add(input.asText());
            }
            return inputs;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final EmbeddingModel model;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureStatus;

    private EmbeddingServer(HttpServer server, EmbeddingModel model) {
        this.server = server;
        this.model = model;
    }

    /** Serves vectors of {@code model} on a free local port. */
    public static EmbeddingServer start(EmbeddingModel model) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            EmbeddingServer embeddings = new EmbeddingServer(server, model);
            server.createContext("/v1/embeddings", exchange -> embeddings.handle(exchange, true));
            server.createContext("/api/embed", exchange -> embeddings.handle(exchange, false));
            server.start();
            return embeddings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code newsqa.embedding.base-url} with the openai provider. */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** For {@code newsqa.embedding.base-url} with the ollama provider. */
    public String ollamaBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} requests are answered with {@code status} and an error body. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failures.set(count);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange, boolean openAi) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Request request =
                    new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("POST only"));
                return;
            }
            if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                send(exchange, failureStatus, error("the provider is failing on purpose"));
                return;
            }
            List<Embedding> vectors = model.embedAll(
                            request.inputs().stream().map(TextSegment::from).toList())
                    .content();
            send(exchange, 200, openAi ? openAiReply(body, vectors) : ollamaReply(body, vectors));
        }
    }

    private static ObjectNode openAiReply(JsonNode body, List<Embedding> vectors) {
        ObjectNode reply = JSON.createObjectNode()
                .put("object", "list")
                .put("model", body.path("model").asText());
        ArrayNode data = reply.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            ArrayNode vector = item.putArray("embedding");
            for (float value : vectors.get(i).vector()) {
                vector.add(value);
            }
        }
        reply.putObject("usage").put("prompt_tokens", vectors.size()).put("total_tokens", vectors.size());
        return reply;
    }

    private static ObjectNode ollamaReply(JsonNode body, List<Embedding> vectors) {
        ObjectNode reply =
                JSON.createObjectNode().put("model", body.path("model").asText());
        ArrayNode embeddings = reply.putArray("embeddings");
        for (Embedding embedding : vectors) {
            ArrayNode vector = embeddings.addArray();
            for (float value : embedding.vector()) {
                vector.add(value);
            }
        }
        return reply;
    }

    private static ObjectNode error(String message) {
        ObjectNode reply = JSON.createObjectNode();
        reply.putObject("error").put("message", message).put("type", "server_error");
        return reply;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
