package io.newsqa.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.newsqa.support.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The Bot API for the tests: a WireMock server whose replies to {@code /bot<token>/<method>} come
 * from this class, like Telegram's (JSON envelopes {@code {"ok": true, "result": ...}}). It holds
 * updates for getUpdates (forgetting those below the offset a client sends, as Telegram does),
 * records every request that got an answer, and misbehaves on demand: 429 with retry_after, 500,
 * or a dropped connection (WireMock's empty-response fault).
 */
final class FakeBotApiServer implements ResponseDefinitionTransformerV2, AutoCloseable {

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

    private static final String NOT_FOUND = "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}";

    private final ObjectMapper json = new ObjectMapper();
    private final WireMockServer server;
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

    FakeBotApiServer() {
        // Threads enough for a long poll held open beside the bot's other calls.
        server = LocalHttpServer.start(
                LocalHttpServer.options().containerThreads(32).extensions(this));
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(jsonResponse(NOT_FOUND, 404)));
        server.stubFor(any(urlPathMatching("/bot" + Pattern.quote(TOKEN) + "/[A-Za-z]+"))
                .willReturn(aResponse().withTransformers(getName())));
    }

    URI baseUrl() {
        return URI.create(server.baseUrl());
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

    @Override
    public String getName() {
        return "bot-api";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String path = event.getRequest().getUrl();
        String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
        String raw = event.getRequest().getBodyAsString();
        synchronized (this) {
            arrivals.computeIfAbsent(method, m -> new ArrayList<>()).add(System.nanoTime());
        }
        Fault fault = nextFault(method);
        if (fault == Fault.DROP_CONNECTION) {
            return new ResponseDefinitionBuilder()
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE)
                    .build();
        }
        if (fault == Fault.SERVER_ERROR) {
            return reply(500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
        }
        if (fault == Fault.TOO_MANY_REQUESTS) {
            int after;
            synchronized (this) {
                after = retryAfterSeconds;
            }
            return reply(
                    429,
                    "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + after
                            + "\",\"parameters\":{\"retry_after\":" + after + "}}");
        }
        JsonNode body = parameters(raw);
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
            return reply(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method " + method + "\"}");
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
        return reply(200, envelope.toString());
    }

    /** A JSON body as it is; multipart parameters are read only as the raw text. */
    private JsonNode parameters(String raw) {
        if (!raw.startsWith("{")) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON body: " + raw, e);
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

    private static ResponseDefinition reply(int status, String body) {
        return new ResponseDefinitionBuilder()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body)
                .build();
    }

    @Override
    public void close() {
        synchronized (this) {
            notifyAll();
        }
        server.stop();
    }
}
