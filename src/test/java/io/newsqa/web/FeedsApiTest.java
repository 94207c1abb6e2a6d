package io.newsqa.web;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static io.newsqa.web.Http.json;
import static io.newsqa.web.WebApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.newsqa.ingest.feed.FeedServer;
import io.newsqa.support.LocalHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/admin/feeds} over real HTTP, with feeds served by a real local HTTP server. */
class FeedsApiTest extends WebTestContext {

    private FeedServer feeds;

    @BeforeEach
    void startFeedServer() {
        feeds = new FeedServer();
    }

    @AfterEach
    void stopFeedServer() {
        feeds.close();
    }

    HttpResponse<String> call(String method, String path, String jsonBody, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return Http.send(request);
    }

    HttpResponse<String> admin(String method, String path, String jsonBody) {
        return call(method, path, jsonBody, ADMIN_KEY);
    }

    HttpResponse<String> register(String url) {
        return admin("POST", "/api/admin/feeds", "{\"url\": \"" + url + "\"}");
    }

    int registeredFeeds() {
        return json(admin("GET", "/api/admin/feeds", null)).get("feeds").size();
    }

    @Test
    void feedAdministrationNeedsTheAdminKey() {
        assertProblem(call("GET", "/api/admin/feeds", null, null), 401, "X-Api-Key");
        assertProblem(
                call("POST", "/api/admin/feeds", "{\"url\": \"https://news.example/rss\"}", null), 401, "X-Api-Key");
        assertProblem(
                call("POST", "/api/admin/feeds", "{\"url\": \"https://news.example/rss\"}", "wrong"),
                403,
                "does not hold");
        assertProblem(call("DELETE", "/api/admin/feeds/1", null, "wrong"), 403, "does not hold");
        assertProblem(call("POST", "/api/admin/feeds/1/poll", null, null), 401, "X-Api-Key");
    }

    @Test
    void aFeedIsRegisteredOnceListedWithItsStatusAndPolledOnRequest() {
        String slug = UUID.randomUUID().toString().substring(0, 8);
        feeds.publish("/rss", List.of(FeedServer.item(slug + "-1"), FeedServer.item(slug + "-2")));

        HttpResponse<String> created = register(feeds.url("/rss"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode feed = json(created);
        long id = feed.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/admin/feeds/" + id);
        assertThat(feed.get("url").asText()).isEqualTo(feeds.url("/rss"));
        assertThat(feed.get("enabled").asBoolean()).isTrue();
        assertThat(feed.get("lastStatus").isNull()).isTrue();
        HttpResponse<String> again = register(feeds.url("/rss"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("id").asLong()).isEqualTo(id);

        JsonNode list = json(admin("GET", "/api/admin/feeds", null));
        assertThat(list.get("scheduledPolling").asBoolean()).isFalse();
        assertThat(list.get("pollIntervalSeconds").asLong()).isEqualTo(900);
        assertThat(list.get("feeds").findValuesAsText("url")).containsOnlyOnce(feeds.url("/rss"));

        HttpResponse<String> polled = admin("POST", "/api/admin/feeds/" + id + "/poll", null);
        assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
        assertThat(json(polled).get("status").asText()).isEqualTo("ok");
        assertThat(json(polled).get("itemsAdded").asInt()).isEqualTo(2);
        JsonNode after = json(admin("GET", "/api/admin/feeds/" + id, null));
        assertThat(after.get("lastStatus").asText()).isEqualTo("ok");
        assertThat(after.get("itemsAdded").asLong()).isEqualTo(2);
        assertThat(after.get("lastPolledAt").asText()).isNotBlank();

        JsonNode unchanged = json(admin("POST", "/api/admin/feeds/" + id + "/poll", null));
        assertThat(unchanged.get("status").asText()).isEqualTo("not-modified");
        assertThat(feeds.requests("/rss").get(1).status()).isEqualTo(304);
    }

    @Test
    void aBrokenFeedPolledOnRequestSaysWhatIsWrong() {
        feeds.serveRaw("/broken", "application/rss+xml", "<rss><channel><item>");
        long id = json(register(feeds.url("/broken"))).get("id").asLong();

        JsonNode outcome = json(admin("POST", "/api/admin/feeds/" + id + "/poll", null));

        assertThat(outcome.get("status").asText()).isEqualTo("error");
        assertThat(outcome.get("message").asText()).contains("not a valid RSS or Atom feed");
        assertThat(outcome.get("feed").get("lastError").asText()).contains("not a valid RSS or Atom feed");
        assertThat(outcome.get("feed").get("consecutiveFailures").asInt()).isEqualTo(1);
    }

    @Test
    void aFeedUrlThatIsNotHttpIsRefusedWithWhatToSendAndNothingIsRegistered() {
        int before = registeredFeeds();

        assertProblem(register("ftp://news.example/rss.xml"), 400, "not an http or https URL");
        assertProblem(register("javascript:alert(1)"), 400, "not an http or https URL");
        assertProblem(register("file:///etc/passwd"), 400, "not an http or https URL");
        assertProblem(register("http://"), 400, "");
        assertProblem(register("https://news example/rss"), 400, "not a valid URL");
        assertProblem(register(""), 400, "missing");
        assertProblem(admin("POST", "/api/admin/feeds", "{}"), 400, "missing");
        assertProblem(admin("POST", "/api/admin/feeds", "{\"url\": "), 400, "");
        assertThat(register("ftp://news.example/rss.xml").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        assertThat(registeredFeeds()).isEqualTo(before);
    }

    @Test
    void internalAddressesAreRefusedAtRegistrationAndNothingIsRegistered() {
        int before = registeredFeeds();

        assertProblem(register("http://169.254.169.254/latest/meta-data"), 400, "link-local");
        assertProblem(register("http://10.0.0.1/rss"), 400, "private");
        assertProblem(register("http://2852039166/rss"), 400, "numeric address");
        assertProblem(register("http://[::ffff:169.254.169.254]/rss"), 400, "169.254.169.254");
        assertProblem(register("http://localhost:22/"), 400, "loopback");
        assertProblem(register("http://[::1]/rss"), 400, "loopback");

        assertThat(registeredFeeds()).isEqualTo(before);
    }

    @Test
    void aFeedRedirectingToAnInternalAddressFailsWithTheReasonAndStoresNothing() throws IOException {
        // The tests allow 127.0.0.1 (their feed servers); the redirect's [::1] stays internal.
        WireMockServer redirector = LocalHttpServer.start();
        redirector.stubFor(
                get(anyUrl()).willReturn(temporaryRedirect("http://[::1]:" + port + "/actuator/prometheus")));
        try {
            long articles = json(admin("GET", "/api/admin/archive", null))
                    .get("articles")
                    .asLong();
            long id = json(register(LocalHttpServer.origin(redirector) + "/redir-" + UUID.randomUUID()))
                    .get("id")
                    .asLong();

            JsonNode outcome = json(admin("POST", "/api/admin/feeds/" + id + "/poll", null));

            assertThat(outcome.get("status").asText()).isEqualTo("error");
            assertThat(outcome.get("feed").get("lastError").asText())
                    .contains("redirected to http://[::1]", "loopback")
                    .doesNotContain("jvm");
            assertThat(json(admin("GET", "/api/admin/archive", null))
                            .get("articles")
                            .asLong())
                    .isEqualTo(articles);
        } finally {
            redirector.stop();
        }
    }

    @Test
    void aFeedIsPausedResumedAndDeleted() {
        long id = json(register(feeds.url("/pause-" + UUID.randomUUID())))
                .get("id")
                .asLong();

        assertThat(json(admin("PATCH", "/api/admin/feeds/" + id, "{\"enabled\": false}"))
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        assertThat(json(admin("PATCH", "/api/admin/feeds/" + id, "{\"enabled\": true}"))
                        .get("enabled")
                        .asBoolean())
                .isTrue();
        assertProblem(admin("PATCH", "/api/admin/feeds/" + id, "{}"), 400, "enabled");

        assertThat(admin("DELETE", "/api/admin/feeds/" + id, null).statusCode()).isEqualTo(204);
        assertProblem(admin("DELETE", "/api/admin/feeds/" + id, null), 404, "No feed with id " + id);
        assertProblem(admin("GET", "/api/admin/feeds/" + id, null), 404, "No feed with id " + id);
        assertProblem(admin("POST", "/api/admin/feeds/" + id + "/poll", null), 404, "No feed with id " + id);
        assertProblem(admin("PATCH", "/api/admin/feeds/" + id, "{\"enabled\": true}"), 404, "No feed with id " + id);
        assertProblem(admin("GET", "/api/admin/feeds/not-a-number", null), 400, "");
    }
}
