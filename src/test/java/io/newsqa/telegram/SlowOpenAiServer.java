package io.newsqa.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions endpoint in the test ({@code POST /v1/chat/completions}
 * with {@code "stream": true}) that streams a scripted reply as slowly as the script says, and can
 * cut the connection mid-reply. Written on a plain socket, not an HTTP server library, so that a
 * cut is a real one: the chunked body ends without its last chunk, as when a provider dies.
 */
final class SlowOpenAiServer implements AutoCloseable {

    /** One step of a streamed reply. */
    sealed interface Step {
    }

    /** Text, sent as tokens of {@code tokenLength} characters, each its own server-sent event, without pauses. */
    record Say(String text, int tokenLength) implements Step {
        Say(String text) {
            this(text, TOKEN_LENGTH);
        }
    }

    record Pause(long millis) implements Step {
    }

    /** The connection is cut here: no end of the reply, no end of the HTTP body. */
    record Cut() implements Step {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOKEN_LENGTH = 4;

    private final ServerSocket socket;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    /** The reply to a request; {@code null} answers 500, as an overloaded provider does. */
    private volatile Function<JsonNode, List<Step>> script = request -> null;

    SlowOpenAiServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "slow-openai-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    void script(Function<JsonNode, List<Step>> next) {
        script = next;
    }

    /** The text of the last message of a request: the numbered sources and the question. */
    static String userText(JsonNode request) {
        JsonNode messages = request.get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread handler = new Thread(() -> serve(connection), "slow-openai-reply");
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
            int length = 0;
            String requestLine = readLine(in);
            for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(header.indexOf(':') + 1).strip());
                }
            }
            JsonNode request = JSON.readTree(in.readNBytes(length));
            requests.add(request);
            OutputStream out = connection.getOutputStream();
            List<Step> steps = requestLine.startsWith("POST /v1/chat/completions") && request.path("stream").asBoolean()
                    ? script.apply(request) : null;
            if (steps == null) {
                byte[] body = "{\"error\":{\"message\":\"the model is overloaded\",\"type\":\"server_error\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return;
            }
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (Step step : steps) {
                if (step instanceof Say say) {
                    for (int i = 0; i < say.text().length(); i += say.tokenLength()) {
                        chunk(out, event(say.text().substring(i, Math.min(say.text().length(), i + say.tokenLength())), null));
                    }
                } else if (step instanceof Pause pause) {
                    Thread.sleep(pause.millis());
                } else {
                    connection.setSoLinger(true, 0); // reset, not an orderly close
                    return;
                }
            }
            chunk(out, event(null, "stop"));
            chunk(out, "data: [DONE]\n\n");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | InterruptedException e) {
            // The client went away or the server is closing: nothing to answer.
        }
    }

    private static String event(String token, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", "test-model");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (token != null) {
            delta.put("content", token);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return "data: " + chunk + "\n\n";
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
