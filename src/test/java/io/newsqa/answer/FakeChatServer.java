package io.newsqa.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A chat-completion server started inside the test that speaks the OpenAI
 * ({@code POST /v1/chat/completions}, JSON or {@code stream: true} server-sent events) and Ollama
 * ({@code POST /api/chat}, JSON or streaming NDJSON) wire protocols, so that the real LangChain4j
 * clients can be pointed at it. It records every request body.
 */
final class FakeChatServer implements AutoCloseable {

    /** What the server does with the next requests. */
    sealed interface Behaviour permits Reply, Fail, Stall {
    }

    /** Answers with the text the function makes of the request. */
    record Reply(Function<JsonNode, String> text) implements Behaviour {
    }

    /** Answers with this HTTP status and an error body. */
    record Fail(int status) implements Behaviour {
    }

    /** Waits this long before answering "too late". */
    record Stall(long millis) implements Behaviour {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tokens this long, so that markers such as "[12]" are split across chunks. */
    private static final int TOKEN_LENGTH = 3;

    private final HttpServer server;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = new Fail(503);

    FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> handle(exchange, false));
        server.createContext("/api/chat", exchange -> handle(exchange, true));
        server.start();
    }

    String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    String ollamaBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void behave(Behaviour next) {
        behaviour = next;
    }

    private void handle(HttpExchange exchange, boolean ollama) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            Behaviour now = behaviour;
            if (now instanceof Stall stall) {
                sleep(stall.millis());
                send(exchange, 200, "application/json", "{}");
                return;
            }
            if (now instanceof Fail fail) {
                send(exchange, fail.status(), "application/json",
                        "{\"error\": {\"message\": \"the model is overloaded\", \"type\": \"server_error\"}}");
                return;
            }
            String text = ((Reply) now).text().apply(request);
            // OpenAI streams only when asked; Ollama streams unless told not to.
            boolean stream = ollama ? request.path("stream").asBoolean(true) : request.path("stream").asBoolean(false);
            if (!stream) {
                send(exchange, 200, "application/json", ollama ? ollamaMessage(text, true).toString() : openAiCompletion(text));
            } else if (ollama) {
                streamOllama(exchange, text);
            } else {
                streamOpenAi(exchange, text);
            }
        }
    }

    private static String openAiCompletion(String text) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", "test-model");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return body.toString();
    }

    private static void streamOpenAi(HttpExchange exchange, String text) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String token : tokens(text)) {
            ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                    .put("created", 1_700_000_000L).put("model", "test-model");
            ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
            choice.putNull("finish_reason");
            choice.putObject("delta").put("content", token);
            write(out, "data: " + chunk + "\n\n");
        }
        ObjectNode last = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", "test-model");
        last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        write(out, "data: " + last + "\n\n");
        write(out, "data: [DONE]\n\n");
    }

    private static ObjectNode ollamaMessage(String text, boolean done) {
        ObjectNode body = JSON.createObjectNode().put("model", "test-model").put("created_at", "2025-01-01T00:00:00Z");
        body.putObject("message").put("role", "assistant").put("content", text);
        body.put("done", done);
        if (done) {
            body.put("done_reason", "stop").put("prompt_eval_count", 10).put("eval_count", 5);
        }
        return body;
    }

    private static void streamOllama(HttpExchange exchange, String text) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String token : tokens(text)) {
            write(out, ollamaMessage(token, false) + "\n");
        }
        write(out, ollamaMessage("", true) + "\n");
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i += TOKEN_LENGTH) {
            tokens.add(text.substring(i, Math.min(text.length(), i + TOKEN_LENGTH)));
        }
        return tokens;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
