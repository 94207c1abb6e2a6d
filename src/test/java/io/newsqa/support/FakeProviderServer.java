package io.newsqa.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
 * <p>Written on a plain socket rather than an HTTP server library so that a cut is a real one:
 * the chunked body ends without its last chunk and the connection closes, as when a provider
 * dies mid-reply. WireMock, the other tests' server, writes a body through Jetty's buffer in one
 * go (or in even slices), so it can neither pause between tokens, wait for the test, nor stop
 * after some of them.
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
    private static final String OVERLOADED = "the model is overloaded";

    private final ServerSocket socket;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Failures of the reply script, which runs on the server's thread: {@link #close()} reports them. */
    private final List<Throwable> scriptFailures = new CopyOnWriteArrayList<>();

    private volatile Function<Request, Reply> script = request -> Reply.status(503);
    private volatile CountDownLatch proceed = new CountDownLatch(1);

    private FakeProviderServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-provider-accept");
        acceptor.setDaemon(true);
        acceptor.start();
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
        return "http://127.0.0.1:" + socket.getLocalPort();
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

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread handler = new Thread(() -> serve(connection), "fake-provider-reply");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            String[] requestLine = readLine(in).split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
                int colon = header.indexOf(':');
                headers.put(
                        header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).strip());
            }
            byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                    ? readChunked(in)
                    : in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            OutputStream out = connection.getOutputStream();
            Protocol protocol =
                    requestLine.length > 1 && "POST".equals(requestLine[0]) ? protocol(requestLine[1]) : null;
            if (protocol == null) {
                respond(out, 404, "application/json", "{\"error\": \"no such endpoint\"}");
                return;
            }
            Request request = new Request(protocol, Map.copyOf(headers), JSON.readTree(body));
            requests.add(request);
            Reply reply;
            try {
                reply = script.apply(request);
            } catch (RuntimeException | AssertionError e) {
                String asked = request.userText();
                scriptFailures.add(new AssertionError(
                        e.getMessage() + " (on the request whose user text begins «"
                                + asked.substring(0, Math.min(160, asked.length())) + "»)",
                        e));
                reply = Reply.status(500);
            }
            if (reply.status != 200) {
                respond(out, reply.status, "application/json", errorBody(protocol));
            } else if (request.streaming()) {
                stream(connection, out, protocol, reply);
            } else {
                whole(connection, out, protocol, reply);
            }
        } catch (IOException | InterruptedException e) {
            // The client went away or the server is closing: nothing to answer.
        }
    }

    private static Protocol protocol(String path) {
        return switch (path) {
            case "/v1/chat/completions" -> Protocol.OPENAI;
            case "/api/chat" -> Protocol.OLLAMA;
            case "/v1/messages" -> Protocol.ANTHROPIC;
            default -> null;
        };
    }

    /** A blocking reply: the steps' pauses first, then the whole text in one JSON body. */
    private void whole(Socket connection, OutputStream out, Protocol protocol, Reply reply)
            throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        if (!play(reply, connection, text::append)) {
            return;
        }
        respond(
                out,
                200,
                protocol == Protocol.OLLAMA ? "application/x-ndjson" : "application/json",
                switch (protocol) {
                    case OPENAI -> openAiCompletion(text.toString());
                    case OLLAMA -> ollamaMessage(text.toString(), true).toString();
                    case ANTHROPIC -> anthropicMessage(text.toString());
                });
    }

    /** A streamed reply: the protocol's opening events, a token per event, its closing events. */
    private void stream(Socket connection, OutputStream out, Protocol protocol, Reply reply)
            throws IOException, InterruptedException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: "
                        + (protocol == Protocol.OLLAMA ? "application/x-ndjson" : "text/event-stream")
                        + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (protocol == Protocol.ANTHROPIC) {
            ObjectNode message = anthropicEnvelope();
            message.putArray("content");
            message.putNull("stop_reason");
            ((ObjectNode) message.get("usage")).put("output_tokens", 1);
            chunk(
                    out,
                    sse(
                            "message_start",
                            JSON.createObjectNode().put("type", "message_start").set("message", message)));
            ObjectNode start =
                    JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
            start.putObject("content_block").put("type", "text").put("text", "");
            chunk(out, sse("content_block_start", start));
        }
        if (!play(reply, connection, token -> chunk(out, token(protocol, token)))) {
            return;
        }
        switch (protocol) {
            case OPENAI -> {
                ObjectNode last = openAiChunk();
                last.putArray("choices")
                        .addObject()
                        .put("index", 0)
                        .put("finish_reason", "stop")
                        .putObject("delta");
                chunk(out, "data: " + last + "\n\n");
                chunk(out, "data: [DONE]\n\n");
            }
            case OLLAMA -> chunk(out, ollamaMessage("", true) + "\n");
            case ANTHROPIC -> {
                chunk(
                        out,
                        sse(
                                "content_block_stop",
                                JSON.createObjectNode()
                                        .put("type", "content_block_stop")
                                        .put("index", 0)));
                ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
                delta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
                delta.putObject("usage").put("output_tokens", 5);
                chunk(out, sse("message_delta", delta));
                chunk(out, sse("message_stop", JSON.createObjectNode().put("type", "message_stop")));
            }
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private interface TokenSink {
        void accept(String token) throws IOException;
    }

    /** Runs the reply's steps, each token to {@code sink}; false when the connection was cut. */
    private boolean play(Reply reply, Socket connection, TokenSink sink) throws IOException, InterruptedException {
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
                cut(connection);
                return false;
            }
        }
        return true;
    }

    private static String token(Protocol protocol, String token) {
        return switch (protocol) {
            case OPENAI -> {
                ObjectNode chunk = openAiChunk();
                ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
                choice.putNull("finish_reason");
                choice.putObject("delta").put("content", token);
                yield "data: " + chunk + "\n\n";
            }
            case OLLAMA -> ollamaMessage(token, false) + "\n";
            case ANTHROPIC -> {
                ObjectNode delta = JSON.createObjectNode()
                        .put("type", "content_block_delta")
                        .put("index", 0);
                delta.putObject("delta").put("type", "text_delta").put("text", token);
                yield sse("content_block_delta", delta);
            }
        };
    }

    private static String errorBody(Protocol protocol) {
        return switch (protocol) {
            case OPENAI -> "{\"error\": {\"message\": \"" + OVERLOADED + "\", \"type\": \"server_error\"}}";
            case OLLAMA -> "{\"error\": \"" + OVERLOADED + "\"}";
            case ANTHROPIC ->
                "{\"type\": \"error\", \"error\": {\"type\": \"api_error\", \"message\": \"" + OVERLOADED + "\"}}";
        };
    }

    private static ObjectNode openAiChunk() {
        return JSON.createObjectNode()
                .put("id", "chatcmpl-1")
                .put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L)
                .put("model", "test-model");
    }

    private static String openAiCompletion(String text) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-1")
                .put("object", "chat.completion")
                .put("created", 1_700_000_000L)
                .put("model", "test-model");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        body.putObject("usage")
                .put("prompt_tokens", 10)
                .put("completion_tokens", 5)
                .put("total_tokens", 15);
        return body.toString();
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

    private static ObjectNode anthropicEnvelope() {
        ObjectNode message = JSON.createObjectNode()
                .put("id", "msg_1")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", "test-model");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 10);
        return message;
    }

    private static String anthropicMessage(String text) {
        ObjectNode message = anthropicEnvelope();
        message.putArray("content").addObject().put("type", "text").put("text", text);
        message.put("stop_reason", "end_turn");
        ((ObjectNode) message.get("usage")).put("output_tokens", 5);
        return message.toString();
    }

    private static String sse(String event, JsonNode data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    private static void respond(OutputStream out, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Error") + "\r\nContent-Type: " + type
                        + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * The connection closed mid-body, without the last chunk: the client reads what was sent, then
     * the connection ends where the reply should go on. (A reset instead could make the client's
     * system drop tokens it had received but not yet read.)
     */
    private static void cut(Socket connection) throws IOException {
        connection.getOutputStream().flush();
        connection.shutdownOutput();
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16);
                size > 0;
                size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16)) {
            body.write(in.readNBytes(size));
            readLine(in);
        }
        readLine(in);
        return body.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    /**
     * Stops the server; an assertion or error the reply script raised on the server's thread (where
     * the test cannot see it: the client only gets a 500) fails the test here.
     */
    public void close() {
        proceed();
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
