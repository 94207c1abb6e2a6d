package io.newsqa.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsqa.support.FakeProviderServer.Protocol;
import java.util.List;

/**
 * What the three providers' replies look like on the wire: error bodies, whole replies, and the
 * events of a streamed reply (server-sent events for OpenAI-compatible and Anthropic, NDJSON lines
 * for Ollama), as the real LangChain4j clients parse them.
 */
final class ProviderWire {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OVERLOADED = "the model is overloaded";

    private ProviderWire() {}

    /** The provider a request spoke to, by its path; {@code null} for any other path. */
    static Protocol protocol(String path) {
        return switch (path) {
            case "/v1/chat/completions" -> Protocol.OPENAI;
            case "/api/chat" -> Protocol.OLLAMA;
            case "/v1/messages" -> Protocol.ANTHROPIC;
            default -> null;
        };
    }

    static String wholeContentType(Protocol protocol) {
        return protocol == Protocol.OLLAMA ? "application/x-ndjson" : "application/json";
    }

    static String streamContentType(Protocol protocol) {
        return protocol == Protocol.OLLAMA ? "application/x-ndjson" : "text/event-stream";
    }

    /** The body of an error status, as an overloaded provider answers. */
    static String errorBody(Protocol protocol) {
        return switch (protocol) {
            case OPENAI -> "{\"error\": {\"message\": \"" + OVERLOADED + "\", \"type\": \"server_error\"}}";
            case OLLAMA -> "{\"error\": \"" + OVERLOADED + "\"}";
            case ANTHROPIC ->
                "{\"type\": \"error\", \"error\": {\"type\": \"api_error\", \"message\": \"" + OVERLOADED + "\"}}";
        };
    }

    /** A blocking reply's body: the whole text in one message. */
    static String whole(Protocol protocol, String text) {
        return switch (protocol) {
            case OPENAI -> openAiCompletion(text);
            case OLLAMA -> ollamaMessage(text, true).toString();
            case ANTHROPIC -> anthropicMessage(text);
        };
    }

    /** The events a stream opens with, before the first token. */
    static List<String> opening(Protocol protocol) {
        if (protocol != Protocol.ANTHROPIC) {
            return List.of();
        }
        ObjectNode message = anthropicEnvelope();
        message.putArray("content");
        message.putNull("stop_reason");
        ((ObjectNode) message.get("usage")).put("output_tokens", 1);
        ObjectNode start =
                JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        start.putObject("content_block").put("type", "text").put("text", "");
        return List.of(
                sse(
                        "message_start",
                        JSON.createObjectNode().put("type", "message_start").set("message", message)),
                sse("content_block_start", start));
    }

    /** One token as its own event. */
    static String token(Protocol protocol, String token) {
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

    /** The events that end a complete stream. */
    static List<String> closing(Protocol protocol) {
        return switch (protocol) {
            case OPENAI -> {
                ObjectNode last = openAiChunk();
                last.putArray("choices")
                        .addObject()
                        .put("index", 0)
                        .put("finish_reason", "stop")
                        .putObject("delta");
                yield List.of("data: " + last + "\n\n", "data: [DONE]\n\n");
            }
            case OLLAMA -> List.of(ollamaMessage("", true) + "\n");
            case ANTHROPIC -> {
                ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
                delta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
                delta.putObject("usage").put("output_tokens", 5);
                yield List.of(
                        sse(
                                "content_block_stop",
                                JSON.createObjectNode()
                                        .put("type", "content_block_stop")
                                        .put("index", 0)),
                        sse("message_delta", delta),
                        sse("message_stop", JSON.createObjectNode().put("type", "message_stop")));
            }
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
}
