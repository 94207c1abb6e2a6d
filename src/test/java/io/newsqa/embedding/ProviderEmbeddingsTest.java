package io.newsqa.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.support.EmbeddingProvider;
import io.newsqa.support.EmbeddingSettings;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provider embeddings through LangChain4j's real OpenAI and Ollama clients, against a local server
 * speaking their wire protocols with the vectors of a real model.
 */
class ProviderEmbeddingsTest {

    private static EmbeddingModel reference;

    private WireMockServer server;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadReference() {
        reference = BuiltInModel.ALL_MINILM_L6_V2_Q.load(2);
    }

    @BeforeEach
    void startServer() {
        server = EmbeddingProvider.start(reference);
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void openAiCompatibleVectorsAreTheProvidersOwnAndGoInOneBatch() {
        Embeddings embeddings = EmbeddingModels.load(EmbeddingSettings.provider(
                "openai", EmbeddingProvider.openAiBaseUrl(server), "minilm", "sk-test", null, null));

        assertThat(embeddings.id()).isEqualTo("openai:minilm");
        assertThat(embeddings.dimension()).isEqualTo(384);
        assertSameVectorsAsTheReference(embeddings.passages());

        LoggedRequest last = lastRequest();
        assertThat(last.getUrl()).isEqualTo("/v1/embeddings");
        assertThat(last.getHeader("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(EmbeddingProvider.body(last).path("model").asText()).isEqualTo("minilm");
        assertThat(EmbeddingProvider.inputs(last))
                .containsExactlyElementsOf(InProcessEmbeddingModelTest.TEXTS.stream()
                        .map(TextSegment::text)
                        .toList());
    }

    @Test
    void ollamaVectorsAreTheProvidersOwn() {
        Embeddings embeddings = EmbeddingModels.load(EmbeddingSettings.provider(
                "ollama", EmbeddingProvider.ollamaBaseUrl(server), "all-minilm", null, null, null));

        assertThat(embeddings.id()).isEqualTo("ollama:all-minilm");
        assertThat(embeddings.dimension()).isEqualTo(384);
        assertSameVectorsAsTheReference(embeddings.passages());
        LoggedRequest last = lastRequest();
        assertThat(last.getUrl()).isEqualTo("/api/embed");
        assertThat(EmbeddingProvider.body(last).path("model").asText()).isEqualTo("all-minilm");
        assertThat(EmbeddingProvider.inputs(last)).hasSize(InProcessEmbeddingModelTest.TEXTS.size());
    }

    @Test
    void questionsAndPassagesCrossTheWireWithTheirPrefixes() {
        Embeddings embeddings = EmbeddingModels.load(EmbeddingSettings.provider(
                "openai", EmbeddingProvider.openAiBaseUrl(server), "e5", null, "query: ", "passage: "));

        embeddings.queries().embed("why did Putin call Netanyahu?");
        assertThat(EmbeddingProvider.inputs(lastRequest())).containsExactly("query: why did Putin call Netanyahu?");
        embeddings.passages().embed("The Kremlin said the call was the second this week.");
        assertThat(EmbeddingProvider.inputs(lastRequest()))
                .containsExactly("passage: The Kremlin said the call was the second this week.");
        // Passages embedded with a prefix are other vectors than without: another archive identity.
        assertThat(embeddings.id()).isEqualTo("openai:e5:passage-prefix=passage: ");
    }

    @Test
    void articlesIngestedThroughTheProviderAreFoundByTheirMeaning() {
        Embeddings embeddings = EmbeddingModels.load(EmbeddingSettings.provider(
                "openai", EmbeddingProvider.openAiBaseUrl(server), "minilm", null, null, null));
        try (LuceneArchive archive = LuceneArchive.open(folder, embeddings.id(), embeddings.dimension())) {
            ArticleIngestor ingestor =
                    new ArticleIngestor(archive, embeddings.passages(), new Chunker(embeddings.tokens(), 200));
            ingestor.ingest(article(
                    "Flood closes the coastal road",
                    "The river burst its banks overnight and water covered"
                            + " the coastal road; the mayor called an emergency meeting.",
                    "https://x.example/flood"));
            ingestor.ingest(article(
                    "Tram line opens in June",
                    "The city's first tram line will carry passengers from June,"
                            + " the transport authority said, with tickets at two riyals.",
                    "https://x.example/tram"));
            ingestor.ingest(article(
                    "Central bank keeps rates",
                    "The central bank left its main interest rate unchanged," + " citing stable inflation.",
                    "https://x.example/rates"));

            float[] question = embeddings
                    .queries()
                    .embed("When can people ride the new tram?")
                    .content()
                    .vector();
            assertThat(archive.denseSearch(question, 1, SearchFilter.none())
                            .get(0)
                            .article()
                            .url())
                    .isEqualTo("https://x.example/tram");
        }
    }

    @Test
    void aFailingProviderStoresNothingAndSaysWhy() {
        Embeddings embeddings = EmbeddingModels.load(EmbeddingSettings.provider(
                "openai", EmbeddingProvider.openAiBaseUrl(server), "minilm", null, null, null));
        try (LuceneArchive archive = LuceneArchive.open(folder, embeddings.id(), embeddings.dimension())) {
            ArticleIngestor ingestor =
                    new ArticleIngestor(archive, embeddings.passages(), new Chunker(embeddings.tokens(), 200));
            server.resetRequests();
            StubMapping failing = server.stubFor(post(EmbeddingProvider.OPENAI_PATH)
                    .atPriority(1)
                    .willReturn(serverError()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\": {\"message\": \"the provider is failing on purpose\","
                                    + " \"type\": \"server_error\"}}")));

            assertThatThrownBy(() -> ingestor.ingest(article(
                            "Tram line opens in June", "The first tram line opens in June.", "https://x.example/tram")))
                    .hasMessageContaining("failing on purpose");
            assertThat(archive.stats().articles()).isZero();
            assertThat(archive.stats().chunks()).isZero();
            // The first attempt and both retries.
            server.verify(3, postRequestedFor(urlEqualTo(EmbeddingProvider.OPENAI_PATH)));

            // The provider is back: the same article goes in whole.
            server.removeStub(failing);
            ingestor.ingest(
                    article("Tram line opens in June", "The first tram line opens in June.", "https://x.example/tram"));
            assertThat(archive.stats().articles()).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableProviderIsToldAtStartupWithTheSettingsToCheck() {
        String baseUrl = EmbeddingProvider.openAiBaseUrl(server);
        server.stop();
        assertThatThrownBy(() ->
                        EmbeddingModels.load(EmbeddingSettings.provider("openai", baseUrl, "minilm", null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not embed a test text")
                .hasMessageContaining("newsqa.embedding.base-url");
    }

    @Test
    void aProviderNeedsItsModelNamed() {
        assertThatThrownBy(() -> EmbeddingModels.load(EmbeddingSettings.provider(
                        "ollama", EmbeddingProvider.ollamaBaseUrl(server), "", null, null, null)))
                .hasMessageContaining("NEWSQA_EMBEDDING_MODEL")
                .hasMessageContaining("nomic-embed-text");
        // The built-in default left in place is not a provider's model either.
        assertThatThrownBy(() -> EmbeddingModels.load(EmbeddingSettings.provider(
                        "openai", EmbeddingProvider.openAiBaseUrl(server), "all-minilm-l6-v2-q", null, null, null)))
                .hasMessageContaining("text-embedding-3-small");
    }

    private static void assertSameVectorsAsTheReference(EmbeddingModel model) {
        List<Embedding> served =
                model.embedAll(InProcessEmbeddingModelTest.TEXTS).content();
        List<Embedding> local =
                reference.embedAll(InProcessEmbeddingModelTest.TEXTS).content();
        assertThat(served).hasSize(local.size());
        for (int i = 0; i < local.size(); i++) {
            assertThat(CosineSimilarity.between(served.get(i), local.get(i)))
                    .as("text %d", i)
                    .isGreaterThan(0.9999);
        }
    }

    private static ParsedArticle article(String title, String body, String url) {
        return new ParsedArticle(title, body, url, "Gazette", OffsetDateTime.parse("2025-04-03T09:00:00Z"), "en");
    }

    private LoggedRequest lastRequest() {
        List<LoggedRequest> requests = EmbeddingProvider.requests(server);
        return requests.get(requests.size() - 1);
    }
}
