package io.newsqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhook mode in the running application: at start the bot registers its webhook with the
 * secret; {@code POST /telegram/webhook} accepts only requests carrying that secret, and answers
 * through the Bot API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TelegramWebhookTest {

    static final String SECRET = "s3cret_for-the-webhook-test";
    static final String HOOK_URL = "https://bot.example.org/telegram/webhook";
    static final FakeBotApiServer SERVER = new FakeBotApiServer();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void webhookBot(DynamicPropertyRegistry registry) throws IOException {
        registry.add("newsqa.data-dir", () -> tempDir());
        registry.add("newsqa.db.url", () -> "");
        registry.add("newsqa.telegram.token", () -> FakeBotApiServer.TOKEN);
        registry.add("newsqa.telegram.mode", () -> "webhook");
        registry.add("newsqa.telegram.base-url", () -> SERVER.baseUrl().toString());
        registry.add("newsqa.telegram.webhook.url", () -> HOOK_URL);
        registry.add("newsqa.telegram.webhook.secret", () -> SECRET);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("newsqa-webhook-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @BeforeEach
    void webhookRegistered() throws InterruptedException {
        SERVER.await(s -> !s.requests("setwebhook").isEmpty(), Duration.ofSeconds(30), "setWebhook");
    }

    HttpResponse<String> post(String secret, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookController.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWebhookIsRegisteredWithItsUrlAndSecret() {
        String multipart = SERVER.requests("setwebhook").get(0).raw();
        assertThat(multipart)
                .contains("name=\"url\"")
                .contains(HOOK_URL)
                .contains("name=\"secret_token\"")
                .contains(SECRET)
                .contains("name=\"allowed_updates\"");
        assertThat(SERVER.requests("deletewebhook"))
                .as("webhook mode does not poll")
                .isEmpty();
    }

    @Test
    void anUpdateWithoutTheSecretIsRefusedAndNotHandled() throws Exception {
        String update = Updates.privateMessage(71, 7001, "/help", "en").toString();

        assertThat(post(null, update).statusCode()).isEqualTo(401);
        assertThat(post("wrong-secret-wrong-secret", update).statusCode()).isEqualTo(401);
        assertThat(SERVER.requests("sendmessage"))
                .noneMatch(r -> r.text("chat_id").equals("7001"));
    }

    @Test
    void anUpdateWithTheSecretIsAnsweredBeforeTheOk() throws Exception {
        HttpResponse<String> response =
                post(SECRET, Updates.privateMessage(72, 7002, "/help", "en").toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVER.requests("sendmessage"))
                .filteredOn(r -> r.text("chat_id").equals("7002"))
                .extracting(r -> r.text("text"))
                .containsExactly(Html.escape(BotTexts.EN.help));
    }

    @Test
    void aBodyThatIsNotAnUpdateIsABadRequest() throws Exception {
        assertThat(post(SECRET, "{\"update_id\": \"not a number\"").statusCode())
                .isEqualTo(400);
    }
}
