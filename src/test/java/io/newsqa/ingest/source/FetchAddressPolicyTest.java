package io.newsqa.ingest.source;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.permanentRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.newsqa.ingest.article.ArticleReadException;
import io.newsqa.ingest.feed.FeedUrl;
import io.newsqa.support.LocalHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Server-side request forgery through feeds and {@code ingest URL}: internal addresses are refused
 * before anything is connected to, in every form and at every redirect hop, unless the
 * allow-list setting names them. A local server (loopback) plays both the internal service and,
 * where the test's own allow-list lets it, the outside site.
 */
class FetchAddressPolicyTest {

    private static final String SECRET = "The internal token is INTERNAL-SECRET-42. DB_PASSWORD=hunter2";

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = LocalHttpServer.start();
        server.stubFor(get(anyUrl())
                .willReturn(ok("Internal notes\n\n" + SECRET + " " + "More internal text. ".repeat(20))
                        .withHeader("Content-Type", "text/plain; charset=utf-8")));
        server.stubFor(get("/loop").willReturn(permanentRedirect("/loop")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private int port() {
        return server.port();
    }

    /** The paths the server was asked for. */
    private List<String> requested() {
        return server.findAll(anyRequestedFor(anyUrl())).stream()
                .map(LoggedRequest::getUrl)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:PORT/internal.txt",
                "http://localhost:PORT/internal.txt",
                "http://[::1]:PORT/",
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/",
                "http://172.16.5.4/",
                "http://192.168.1.1/",
                "http://100.64.0.1/",
                "http://0.0.0.0:PORT/",
                "http://224.0.0.1/",
                "http://[fd00::1]/",
                "http://[fe80::1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://[::ffff:127.0.0.1]:PORT/",
                "http://[::127.0.0.1]/",
                "http://[64:ff9b::a9fe:a9fe]/",
                "http://2852039166/",
                "http://0177.0.0.1:PORT/",
                "http://2130706433:PORT/",
                "http://0x7f.0.0.1:PORT/"
            })
    void internalAddressesAreRefusedInEveryFormBeforeAnyConnection(String address) {
        String url = address.replace("PORT", Integer.toString(port()));
        UrlFetcher fetcher = new UrlFetcher(Duration.ofSeconds(2), FetchAddressPolicy.publicOnly());

        assertThatThrownBy(() -> fetcher.fetch(url))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining("refused")
                .hasMessageNotContaining("INTERNAL-SECRET");
        // refused, or (hexadecimal) not even read as a host
        assertThatThrownBy(() -> FeedUrl.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .containsAnyOf("refused", "has no host");
        assertThat(requested()).isEmpty();
    }

    @Test
    void theReasonIsNamed() {
        FetchAddressPolicy policy = FetchAddressPolicy.publicOnly();

        assertThatThrownBy(() -> policy.check("x", URI.create("http://169.254.169.254/latest/meta-data")))
                .hasMessageContaining("link-local")
                .hasMessageContaining("newsqa.fetch.allowed-hosts");
        assertThatThrownBy(() -> policy.check("x", URI.create("http://[::ffff:10.1.2.3]/")))
                .hasMessageContaining("10.1.2.3")
                .hasMessageContaining("private");
        assertThatThrownBy(() -> policy.check("x", URI.create("http://0177.0.0.1/")))
                .hasMessageContaining("octal");
        assertThatThrownBy(() -> policy.check("x", URI.create("javascript:alert(1)")))
                .hasMessageContaining("only http and https");
        assertThatThrownBy(() -> policy.check("x", URI.create("data:text/html,hi")))
                .hasMessageContaining("only http and https");
        assertThat(FeedUrl.parse("http://93.184.216.34/rss.xml").value()).isEqualTo("http://93.184.216.34/rss.xml");
        assertThat(FeedUrl.parse("https://news.example/rss.xml").value()).isEqualTo("https://news.example/rss.xml");
    }

    @Test
    void aRedirectToAnInternalAddressIsRefusedAtThatHop() {
        // The test's allow-list lets "localhost" play the outside site; 127.0.0.1 stays internal.
        UrlFetcher fetcher = new UrlFetcher(Duration.ofSeconds(2), FetchAddressPolicy.allowing(List.of("localhost")));
        server.stubFor(get("/moved").willReturn(temporaryRedirect("http://127.0.0.1:" + port() + "/internal.xml")));
        String url = "http://localhost:" + port() + "/moved";

        assertThatThrownBy(() -> fetcher.fetch(url))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining("redirected to http://127.0.0.1:" + port() + "/internal.xml")
                .hasMessageContaining("loopback")
                .hasMessageNotContaining("INTERNAL-SECRET");
        assertThat(requested()).containsExactly("/moved");
    }

    @Test
    void redirectsWithinTheAllowedAddressesAreFollowedAndBounded() throws IOException {
        UrlFetcher fetcher = new UrlFetcher(
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                1 << 20,
                FetchAddressPolicy.allowing(List.of("127.0.0.0/8")));

        server.stubFor(get("/moved").willReturn(temporaryRedirect("http://127.0.0.1:" + port() + "/page.txt")));
        server.stubFor(get("/moved-to-a-file").willReturn(temporaryRedirect("file:///etc/passwd")));

        UrlFetcher.Fetched fetched = fetcher.fetch("http://127.0.0.1:" + port() + "/moved");
        try (var body = fetched.body()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("Internal notes");
        }
        assertThat(fetched.finalUrl()).isEqualTo("http://127.0.0.1:" + port() + "/page.txt");
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port() + "/loop"))
                .hasMessageContaining("more than " + UrlFetcher.MAX_REDIRECTS + " redirects");
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port() + "/moved-to-a-file"))
                .hasMessageContaining("only http and https");
    }

    @Test
    void anIngestOfAnInternalPageRejectsItWithTheReasonOnly() {
        RecordingSink sink = new RecordingSink();
        new SourceReaders(FieldMapping.DEFAULT, Duration.ofSeconds(2))
                .read(List.of("http://127.0.0.1:" + port() + "/internal.txt"), sink, bytes -> {});

        assertThat(sink.articles).isEmpty();
        assertThat(sink.reasons)
                .singleElement()
                .asString()
                .contains("loopback")
                .doesNotContain("INTERNAL-SECRET", "hunter2");
        assertThat(requested()).isEmpty();
    }

    @Test
    void theAllowListTakesNamesAddressesAndNetworks() {
        FetchAddressPolicy intranet =
                FetchAddressPolicy.allowing(List.of("cms.newsroom.internal", "10.20.0.0/16", "fd00::/8"));

        assertThat(FeedUrl.parse("http://10.20.3.4/rss", intranet).value()).isEqualTo("http://10.20.3.4/rss");
        assertThat(FeedUrl.parse("http://[fd00::5]/rss", intranet).value()).isEqualTo("http://[fd00::5]/rss");
        assertThatThrownBy(() -> FeedUrl.parse("http://10.21.0.1/rss", intranet))
                .hasMessageContaining("private");
        assertThatThrownBy(() -> FetchAddressPolicy.allowing(List.of("10.0.0.0/40")))
                .hasMessageContaining("newsqa.fetch.allowed-hosts");
    }
}
