package io.newsqa.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import io.newsqa.archive.SearchFilter;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.support.EmbeddingProvider;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application configured for a provider's embeddings by its settings alone: ingestion,
 * search and the extractive answer all go through the provider, questions with the query prefix.
 */
class ProviderEmbeddedApplicationTest {

    @TempDir
    Path data;

    @AfterEach
    void clear() {
        List.of(
                        "newsqa.data-dir",
                        "newsqa.embedding.provider",
                        "newsqa.embedding.model",
                        "newsqa.embedding.base-url",
                        "newsqa.embedding.query-prefix")
                .forEach(System::clearProperty);
    }

    @Test
    void ingestsSearchesAndAnswersThroughTheProvider() {
        WireMockServer server = EmbeddingProvider.start(BuiltInModel.ALL_MINILM_L6_V2_Q.load(2));
        try {
            System.setProperty("newsqa.data-dir", data.toString());
            System.setProperty("newsqa.embedding.provider", "openai");
            System.setProperty("newsqa.embedding.model", "minilm");
            System.setProperty("newsqa.embedding.base-url", EmbeddingProvider.openAiBaseUrl(server));
            System.setProperty("newsqa.embedding.query-prefix", "Question: ");

            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                            io.newsqa.NewsQaApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run()) {
                assertThat(context.getBean(Embeddings.class).id()).isEqualTo("openai:minilm");
                ArticleIngestor ingestor = context.getBean(ArticleIngestor.class);
                ingestor.ingest(article(
                        "Flood closes the coastal road",
                        "The river burst its banks overnight and water"
                                + " covered the coastal road. The mayor called an emergency meeting.",
                        "https://x.example/flood"));
                ingestor.ingest(article(
                        "Tram line opens in June",
                        "The city's first tram line will carry passengers from"
                                + " June. Tickets will cost two riyals, the transport authority said.",
                        "https://x.example/tram"));
                int requestsBefore = EmbeddingProvider.requests(server).size();

                assertThat(context.getBean(HybridSearch.class)
                                .search("When can people ride the new tram?", "en", SearchFilter.none(), 1)
                                .get(0)
                                .hit()
                                .article()
                                .url())
                        .isEqualTo("https://x.example/tram");
                List<LoggedRequest> requests = EmbeddingProvider.requests(server);
                assertThat(requests.subList(requestsBefore, requests.size()))
                        .anySatisfy(request -> assertThat(EmbeddingProvider.inputs(request))
                                .contains("Question: When can people ride the new tram?"));

                Answer answer =
                        context.getBean(AnswerService.class).ask("When will the first tram line carry passengers?");
                assertThat(answer.found()).isTrue();
                assertThat(answer.citations())
                        .extracting(citation -> citation.url())
                        .contains("https://x.example/tram");
                // The extractive answer weighs its sentences by the provider's vectors too.
                assertThat(EmbeddingProvider.requests(server))
                        .anySatisfy(request -> assertThat(EmbeddingProvider.inputs(request))
                                .contains("Question: When will the first tram line carry passengers?"));
            }
        } finally {
            server.stop();
        }
    }

    private static ParsedArticle article(String title, String body, String url) {
        return new ParsedArticle(title, body, url, "Gazette", OffsetDateTime.parse("2025-04-03T09:00:00Z"), "en");
    }
}
