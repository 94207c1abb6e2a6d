package io.newsqa.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A language-model provider started inside a test, speaking the wire protocols of the three
 * providers NewsQA supports, so that the real LangChain4j clients can be pointed at it:
 * <ul>
 *   <li>OpenAI-compatible: {@code POST /v1/chat/completions}, JSON, or server-sent events with
 *       {@code "stream": true};</li>
 *   <li>Ollama: {@code POST /api/chat}, JSON with {@code "stream": false}, else NDJSON lines;</li>
 *   <li>Anthropic Messages: {@code POST /v1/messages}, JSON, or with {@code "stream": true} the
 *       events {@code message_start}, {@code content_block_start}, {@code content_block_delta}…,
 *       {@code content_block_stop}, {@code message_delta}, {@code message_stop}.</li>
 * </ul>
 * What it answers is scripted per request with {@link Reply} (text as tokens, pauses, a cut
 * connection, a wait for the test, an HTTP error status); every request is recorded with its
 * headers and JSON body.
 *
 * <p>Served by the JDK's own HTTP server ({@code com.sun.net.httpserver}), which parses the
 * requests and frames the chunked bodies, rather than by WireMock, the other fakes' server:
 * WireMock hands a body to Jetty in one {@code transferTo} (Jetty gathers it in its buffer and
 * sends it at the end) or in even slices at even intervals ({@code chunkedDribbleDelay}), so it
 * can neither send one token and pause, wait for the test, nor stop after some tokens; the
 * streaming tests assert on each of these. The wire formats are in {@link ProviderWire}.
 */
public final class FakeProviderServer implements AutoCloseable {

    /** Which provider's protocol a request spoke, by its path. */
    public enum Protocol {
        OPENAI,
        OLLAMA,
        ANTHROPIC
    }

    /** One request as it crossed the wire. */
    public record Request(Protocol protocol, Map<String, String> headers, JsonNode body) {

        /** A header by its name in any case, or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Whether the client asked for a streamed reply (Ollama streams unless told not to). */
        public boolean streaming() {
            return body.path("stream").asBoolean(protocol == Protocol.OLLAMA);
        }

        /** The system prompt: Anthropic's {@code system} field, else the first message's text when its role is system. */
        public String systemText() {
            if (protocol == Protocol.ANTHROPIC) {
                return text(body.path("system"));
            }
            JsonNode first = body.path("messages").path(0);
            return "system".equals(first.path("role").asText()) ? text(first.path("content")) : null;
        }

        /** The text of the last message: in NewsQA, the numbered sources and the question. */
        public String userText() {
            JsonNode messages = body.path("messages");
            return text(messages.path(messages.size() - 1).path("content"));
        }

        /** A plain string, or the concatenated text blocks of a content array. */
        private static String text(JsonNode content) {
            if (content.isArray()) {
                StringBuilder text = new StringBuilder();
                content.forEach(block -> text.append(block.path("text").asText("")));
                return text.toString();
            }
            return content.isMissingNode() || content.isNull() ? null : content.asText();
        }
    }

    /**
     * A scripted reply, built step by step: {@code Reply.text("a [1].")},
     * {@code Reply.of().say("The tram ").pause(1200).say("opens.").cut()}, {@code Reply.status(500)}.
     * Immutable: each step returns a new reply.
     */
    public static final class Reply {

        private interface Step {}

        private record Say(String text, int tokenLength) implements Step {}

        private record Tokens(List<String> tokens) implements Step {}

        private record Pause(long millis) implements Step {}

        private record AwaitProceed() implements Step {}

        private record Cut() implements Step {}

        private final int status;
        private final List<Step> steps;

        private Reply(int status, List<Step> steps) {
            this.status = status;
            this.steps = List.copyOf(steps);
        }

        /** An empty successful reply, to add steps to. */
        public static Reply of() {
            return new Reply(200, List.of());
        }

        /** The text, streamed in tokens of {@value #TOKEN_LENGTH} characters (so that "[12]" is split). */
        public static Reply text(String text) {
            return of().say(text);
        }

        /** This HTTP status with the protocol's error body, as an overloaded provider answers. */
        public static Reply status(int status) {
            return new Reply(status, List.of());
        }

        public Reply say(String text) {
            return say(text, TOKEN_LENGTH);
        }

        /** Text sent in tokens of {@code tokenLength} characters, each its own event, without pauses. */
        public Reply say(String text, int tokenLength) {
            return with(new Say(text, tokenLength));
        }

        /** These tokens, each its own event. */
        public Reply tokens(String... tokens) {
            return with(new Tokens(List.of(tokens)));
        }

        /** Waits; before the first token of a blocking reply, the whole reply waits. */
        public Reply pause(long millis) {
            return with(new Pause(millis));
        }

        /** Waits until the test calls {@link FakeProviderServer#proceed()} (at most 20 s). */
        public Reply awaitProceed() {
            return with(new AwaitProceed());
        }

        /** The connection is closed here: no end of the reply, no end of the HTTP body. */
        public Reply cut() {
            return with(new Cut());
        }

        private Reply with(Step step) {
            List<Step> more = new ArrayList<>(steps);
            more.add(step);
            return new Reply(status, more);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOKEN_LENGTH = 3;

    private final HttpServer server;
    private final ExecutorService replies;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Failures of the reply script, which runs on the server's thread: {@link #close()} reports them. */
    private final List<Throwable> scriptFailures = new CopyOnWriteArrayList<>();

    private volatile Function<Request, Reply> script = request -> Reply.status(503);
    private volatile CountDownLatch proceed = new CountDownLatch(1);

    private FakeProviderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        // A thread per reply: replies pause and wait for the test while others are answered.
        replies = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-provider-reply");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(replies);
        server.createContext("/", this::serve);
        server.start();
    }

    public static FakeProviderServer start() {
        try {
            return new FakeProviderServer();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a port for the fake provider", e);
        }
    }

    public String openAiBaseUrl() {
        return origin() + "/v1";
    }

    public String ollamaBaseUrl() {
        return origin();
    }

    public String anthropicBaseUrl() {
        return origin() + "/v1/";
    }

    private String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every next request gets this reply. */
    public void reply(Reply reply) {
        reply(request -> reply);
    }

    /** Every next request gets the reply the script makes of it. */
    public void reply(Function<Request, Reply> next) {
        proceed = new CountDownLatch(1);
        script = next;
    }

    /** Lets replies waiting at {@link Reply#awaitProceed()} go on. */
    public void proceed() {
        proceed.countDown();
    }

    /** The requests received so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Closes the exchange only after a whole reply: closing it would end a cut body properly. */
    private void serve(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Protocol protocol = "POST".equals(exchange.getRequestMethod())
                    ? ProviderWire.protocol(exchange.getRequestURI().getPath())
                    : null;
            if (protocol == null) {
                respond(exchange, 404, "application/json", "{\"error\": \"no such endpoint\"}");
                exchange.close();
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Request request = new Request(protocol, Map.copyOf(headers), JSON.readTree(body));
            requests.add(request);
            Reply reply = scripted(request);
            if (reply.status != 200) {
                respond(exchange, reply.status, "application/json", ProviderWire.errorBody(protocol));
            } else if (request.streaming()) {
                stream(exchange, protocol, reply);
            } else {
                whole(exchange, protocol, reply);
            }
            exchange.close();
        } catch (InterruptedException e) {
            // The server is closing: nothing more to answer.
            Thread.currentThread().interrupt();
        }
    }

    private Reply scripted(Request request) {
        try {
            return script.apply(request);
        } catch (RuntimeException | AssertionError e) {
            String asked = request.userText();
            scriptFailures.add(new AssertionError(
                    e.getMessage() + " (on the request whose user text begins «"
                            + asked.substring(0, Math.min(160, asked.length())) + "»)",
                    e));
            return Reply.status(500);
        }
    }

    /** A blocking reply: the steps' pauses first, then the whole text in one JSON body. */
    private void whole(HttpExchange exchange, Protocol protocol, Reply reply) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        play(reply, text::append);
        respond(exchange, 200, ProviderWire.wholeContentType(protocol), ProviderWire.whole(protocol, text.toString()));
    }

    /**
     * A streamed reply in a chunked body: the protocol's opening events, a token per event (each
     * flushed, so the client reads it while the reply goes on), its closing events.
     */
    private void stream(HttpExchange exchange, Protocol protocol, Reply reply)
            throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", ProviderWire.streamContentType(protocol));
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String event : ProviderWire.opening(protocol)) {
            send(out, event);
        }
        play(reply, token -> send(out, ProviderWire.token(protocol, token)));
        for (String event : ProviderWire.closing(protocol)) {
            send(out, event);
        }
    }

    private interface TokenSink {
        void accept(String token) throws IOException;
    }

    /** Runs the reply's steps, each token to {@code sink}; a cut ends the exchange by {@link ConnectionCut}. */
    private void play(Reply reply, TokenSink sink) throws IOException, InterruptedException {
        for (Reply.Step step : reply.steps) {
            if (step instanceof Reply.Say say) {
                for (int i = 0; i < say.text().length(); i += say.tokenLength()) {
                    sink.accept(say.text().substring(i, Math.min(say.text().length(), i + say.tokenLength())));
                }
            } else if (step instanceof Reply.Tokens tokens) {
                for (String token : tokens.tokens()) {
                    sink.accept(token);
                }
            } else if (step instanceof Reply.Pause pause) {
                Thread.sleep(pause.millis());
            } else if (step instanceof Reply.AwaitProceed) {
                proceed.await(20, TimeUnit.SECONDS);
            } else {
                throw new ConnectionCut();
            }
        }
    }

    /**
     * Thrown out of the handler to cut the reply: the JDK's server then closes the connection
     * without ending the body (no last chunk), as when a provider dies mid-reply. What was flushed
     * before stays readable to the client, since the request was read whole (nothing unread that
     * would turn the close into a reset).
     */
    private static final class ConnectionCut extends IOException {
        ConnectionCut() {
            super("reply cut by the script");
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void send(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    /**
     * Stops the server; an assertion or error the reply script raised on the server's thread (where
     * the test cannot see it: the client only gets a 500) fails the test here.
     */
    public void close() {
        proceed();
        server.stop(0);
        replies.shutdownNow();
        if (!scriptFailures.isEmpty()) {
            AssertionError failed = new AssertionError(
                    scriptFailures.size() + " reply script(s) failed on the server's thread; the first: "
                            + scriptFailures.get(0).getMessage(),
                    scriptFailures.get(0).getCause());
            scriptFailures.clear();
            throw failed;
        }
    }
}
