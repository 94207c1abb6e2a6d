package io.newsqa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible chat endpoint ({@code POST /v1/chat/completions} with {@code stream: true})
 * started inside the test, for the real LangChain4j client behind the answer service: it streams
 * the scripted tokens as server-sent events, and then ends the reply, drops the connection
 * mid-reply, or first waits for the test to let it go on.
 */
final class OpenAiStreamServer implements AutoCloseable {

    /** How the reply ends after its tokens. */
    enum Ending {
        /** finish_reason "stop" and [DONE]: a complete reply. */
        COMPLETE,
        /** The connection is closed without ending the reply, as when the model server crashes. */
        DROP,
        /** Waits for {@link #proceed()}, then completes. */
        WAIT_THEN_COMPLETE
    }

    private record Script(List<String> tokens, Ending ending) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private volatile Script script = new Script(List.of(), Ending.COMPLETE);
    private volatile CountDownLatch proceed = new CountDownLatch(1);

    OpenAiStreamServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next replies: these tokens, then this ending. */
    void reply(Ending ending, String... tokens) {
        proceed = new CountDownLatch(1);
        script = new Script(List.of(tokens), ending);
    }

    /** Lets a reply waiting in {@link Ending#WAIT_THEN_COMPLETE} go on. */
    void proceed() {
        proceed.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Script now = script;
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            if (now.ending() == Ending.DROP) {
                // A declared length the body never reaches: closing the exchange then cuts the
                // connection mid-reply instead of ending the response.
                exchange.sendResponseHeaders(200, 1_000_000);
            } else {
                exchange.sendResponseHeaders(200, 0);
            }
            OutputStream out = exchange.getResponseBody();
            for (String token : now.tokens()) {
                ObjectNode chunk = chunk();
                ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
                choice.putNull("finish_reason");
                choice.putObject("delta").put("content", token);
                write(out, "data: " + chunk + "\n\n");
            }
            if (now.ending() == Ending.DROP) {
                return;
            }
            if (now.ending() == Ending.WAIT_THEN_COMPLETE) {
                await(proceed);
            }
            ObjectNode last = chunk();
            last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
            write(out, "data: " + last + "\n\n");
            write(out, "data: [DONE]\n\n");
        }
    }

    private static ObjectNode chunk() {
        return JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", "test-model");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        proceed();
        server.stop(0);
    }
}
