package io.newsqa.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Bot API server in the test: answers {@code /bot<token>/<method>} like Telegram does (JSON
 * envelopes {@code {"ok": true, "result": ...}}), holds updates for getUpdates (forgetting those
 * below the offset a client sends, as Telegram does), records every request that got an answer,
 * and misbehaves on demand: 429 with retry_after, 500, or a dropped connection.
 */
final class FakeBotApiServer implements AutoCloseable {

    static final String TOKEN = "123456:TEST-token_for-the-fake-server";
    static final long BOT_ID = 123456;
    static final String BOT_USERNAME = "newsqa_test_bot";

    /** A request the server answered: the method and its parameters (JSON, or multipart text). */
    record Request(String method, JsonNode body, String raw) {
        String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    enum Fault {
        TOO_MANY_REQUESTS,
        SERVER_ERROR,
        DROP_CONNECTION
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<ObjectNode> pending = new ArrayDeque<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, AtomicInteger> faultsServed = new HashMap<>();
    /** When each call of a method arrived (System.nanoTime), faulted ones included: the client's backoff. */
    private final Map<String, List<Long>> arrivals = new HashMap<>();

    private final AtomicInteger messageIds = new AtomicInteger(500);
    private int retryAfterSeconds = 1;
    /** When set, getUpdates forgets nothing: as if the bot's confirmations never reached Telegram. */
    private boolean keepConfirmed;

    FakeBotApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    // ---- what the test feeds and breaks

    synchronized void addUpdate(ObjectNode update) {
        pending.addLast(update);
        notifyAll();
    }

    synchronized void failNext(String method, Fault... sequence) {
        faults.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(sequence));
    }

    synchronized int faultsServed(String method) {
        return faultsServed.getOrDefault(method, new AtomicInteger()).get();
    }

    synchronized List<Long> arrivals(String method) {
        return List.copyOf(arrivals.getOrDefault(method, List.of()));
    }

    synchronized void retryAfter(int seconds) {
        retryAfterSeconds = seconds;
    }

    synchronized void keepConfirmedUpdates() {
        keepConfirmed = true;
    }

    // ---- what the test reads

    synchronized List<Request> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits until the recorded requests satisfy the condition, or fails after the timeout. */
    synchronized void await(Predicate<FakeBotApiServer> condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Timed out waiting for " + what + "; requests so far: " + requests);
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }

    // ---- the Bot API

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                reply(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase();
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                arrivals.computeIfAbsent(method, m -> new ArrayList<>()).add(System.nanoTime());
            }
            Fault fault = nextFault(method);
            if (fault == Fault.DROP_CONNECTION) {
                return; // closing the exchange without a response drops the connection
            }
            if (fault == Fault.SERVER_ERROR) {
                reply(exchange, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
                return;
            }
            if (fault == Fault.TOO_MANY_REQUESTS) {
                int after;
                synchronized (this) {
                    after = retryAfterSeconds;
                }
                reply(
                        exchange,
                        429,
                        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + after
                                + "\",\"parameters\":{\"retry_after\":" + after + "}}");
                return;
            }
            JsonNode body = raw.startsWith("{") ? json.readTree(raw) : json.createObjectNode();
            Object result = switch (method) {
                case "getme" ->
                    json.createObjectNode()
                            .put("id", BOT_ID)
                            .put("is_bot", true)
                            .put("first_name", "NewsQA")
                            .put("username", BOT_USERNAME);
                case "getupdates" -> updates(body);
                case "sendmessage", "editmessagetext" -> message(body);
                case "sendchataction", "answercallbackquery", "setwebhook", "deletewebhook" -> Boolean.TRUE;
                default -> null;
            };
            if (result == null) {
                reply(
                        exchange,
                        404,
                        "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method " + method + "\"}");
                return;
            }
            ObjectNode envelope = json.createObjectNode().put("ok", true);
            envelope.set("result", json.valueToTree(result));
            // Recorded before replying: a client may act on the reply before this thread runs again.
            synchronized (this) {
                if (!method.equals("getupdates")) {
                    requests.add(new Request(method, body, raw));
                }
                notifyAll();
            }
            reply(exchange, 200, json.writeValueAsString(envelope));
        }
    }

    private synchronized Fault nextFault(String method) {
        Deque<Fault> queue = faults.get(method);
        Fault fault = queue == null ? null : queue.pollFirst();
        if (fault != null) {
            faultsServed.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            notifyAll();
        }
        return fault;
    }

    /** Long polling: waits (at most the client's timeout, capped at 1 s) for updates at or above the offset. */
    private synchronized ArrayNode updates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        if (!keepConfirmed) {
            pending.removeIf(update -> update.get("update_id").asLong() < offset);
        }
        long waitMillis = Math.min(1000, body.path("timeout").asLong(0) * 1000);
        long deadline = System.currentTimeMillis() + waitMillis;
        while (pending.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ArrayNode result = json.createArrayNode();
        pending.stream().limit(body.path("limit").asInt(100)).forEach(result::add);
        return result;
    }

    private ObjectNode message(JsonNode body) {
        ObjectNode message = json.createObjectNode()
                .put(
                        "message_id",
                        body.has("message_id") ? body.get("message_id").asInt() : messageIds.incrementAndGet())
                .put("date", 1_700_000_000)
                .put("text", body.path("text").asText());
        message.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
        message.putObject("from").put("id", BOT_ID).put("is_bot", true).put("first_name", "NewsQA");
        return message;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            notifyAll();
        }
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
