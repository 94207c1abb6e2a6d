package io.newsqa.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedding provider for LangChain4j's real clients: a WireMock server answering
 * OpenAI-compatible {@code POST /v1/embeddings} ({@code input} a list, answer {@code data[].embedding}
 * by {@code index}) and Ollama {@code POST /api/embed} ({@code input} a list, answer
 * {@code embeddings}) with the vectors a real model computes, so that retrieval over them behaves
 * like retrieval over that model. Tests script failures with stubs of a higher priority and read
 * the requests from the server's journal.
 */
public final class EmbeddingProvider implements ResponseDefinitionTransformerV2 {

    public static final String OPENAI_PATH = "/v1/embeddings";
    public static final String OLLAMA_PATH = "/api/embed";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddingModel model;

    private EmbeddingProvider(EmbeddingModel model) {
        this.model = model;
    }

    /** A started server with the vectors of {@code model} on a free local port. */
    public static WireMockServer start(EmbeddingModel model) {
        EmbeddingProvider provider = new EmbeddingProvider(model);
        WireMockServer server = LocalHttpServer.start(provider);
        server.stubFor(post(OPENAI_PATH).willReturn(aResponse().withTransformers(provider.getName())));
        server.stubFor(post(OLLAMA_PATH).willReturn(aResponse().withTransformers(provider.getName())));
        return server;
    }

    /** For {@code newsqa.embedding.base-url} with the openai provider. */
    public static String openAiBaseUrl(WireMockServer server) {
        return server.baseUrl() + "/v1";
    }

    /** For {@code newsqa.embedding.base-url} with the ollama provider. */
    public static String ollamaBaseUrl(WireMockServer server) {
        return server.baseUrl();
    }

    /** The requests the server received, in order. */
    public static List<LoggedRequest> requests(WireMockServer server) {
        return server.findAll(postRequestedFor(anyUrl()));
    }

    /** The texts a request asked vectors for. */
    public static List<String> inputs(LoggedRequest request) {
        List<String> inputs = new ArrayList<>();
        JsonNode input = body(request).path("input");
        if (input.isArray()) {
            input.forEach(text -> inputs.add(text.asText()));
        } else {
            inputs.add(input.asText());
        }
        return inputs;
    }

    public static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON body: " + request.getBodyAsString(), e);
        }
    }

    @Override
    public String getName() {
        return "embedding-provider";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        JsonNode body = body(request);
        List<Embedding> vectors = model.embedAll(
                        inputs(request).stream().map(TextSegment::from).toList())
                .content();
        JsonNode reply =
                request.getUrl().startsWith(OPENAI_PATH) ? openAiReply(body, vectors) : ollamaReply(body, vectors);
        return new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(reply.toString())
                .build();
    }

    private static ObjectNode openAiReply(JsonNode body, List<Embedding> vectors) {
        ObjectNode reply = JSON.createObjectNode()
                .put("object", "list")
                .put("model", body.path("model").asText());
        ArrayNode data = reply.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            vector(data.addObject().put("object", "embedding").put("index", i).putArray("embedding"), vectors.get(i));
        }
        reply.putObject("usage").put("prompt_tokens", vectors.size()).put("total_tokens", vectors.size());
        return reply;
    }

    private static ObjectNode ollamaReply(JsonNode body, List<Embedding> vectors) {
        ObjectNode reply =
                JSON.createObjectNode().put("model", body.path("model").asText());
        ArrayNode embeddings = reply.putArray("embeddings");
        vectors.forEach(embedding -> vector(embeddings.addArray(), embedding));
        return reply;
    }

    private static void vector(ArrayNode array, Embedding embedding) {
        for (float value : embedding.vector()) {
            array.add(value);
        }
    }
}
