package io.newsqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import io.newsqa.ingest.SampleArchive;
import io.newsqa.support.FakeProviderServer;
import io.newsqa.support.FakeProviderServer.Reply;
import io.newsqa.telegram.FakeBotApiServer.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Progressive delivery with a language model: the answer service runs the real LangChain4j OpenAI
 * streaming client against a model server in the test that writes slowly, and the bot, talking
 * to a Bot API server in the test, shows the answer as it grows, then the rendered answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TelegramStreamingTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final long READER = 42;
    static final String QUESTION = "When does the tram line open?";
    static final String TRAM_TITLE = "Palm Valley's first tram line opens in early June";
    static final String TRAM_SOURCE =
            "[1] <a href=\"https://example.org/sample/en/tram-line-opens\">" + TRAM_TITLE + "</a> — 2025-05-12";
    static final Pattern TRAM_NUMBER = Pattern.compile("\\[(\\d+)] " + Pattern.quote(TRAM_TITLE));
    /** Each cites the tram article by its number among the sources; the bot shows it as [1]. */
    static final String FIRST = "Palm Valley's first tram line starts passenger service on 3 June 2025 [%d].";

    static final String SECOND =
            " It links the Central Railway Station with Palm Valley University & has 12 stops [%d].";
    static final String THIRD = " Rides are free during the first week <of operation> [%d].";

    static final FakeProviderServer MODEL = FakeProviderServer.start();

    @DynamicPropertySource
    static void archiveAndModel(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("newsqa-telegram-streaming-test");
        registry.add("newsqa.data-dir", dataDir::toString);
        registry.add("newsqa.db.url", () -> "");
        registry.add("newsqa.llm.provider", () -> "openai");
        registry.add("newsqa.llm.base-url", MODEL::openAiBaseUrl);
        registry.add("newsqa.llm.model", () -> "test-model");
        registry.add("newsqa.llm.api-key", () -> "sk-test");
        registry.add("newsqa.llm.timeout", () -> "20s");
        registry.add("newsqa.llm.max-retries", () -> "0");
        // Every request the model gets is an answer's: its scripts cite the tram article's number.
        registry.add("newsqa.translation.llm", () -> "off");
    }

    @Autowired
    AnswerService answerService;

    @Autowired
    SampleArchive sampleArchive;

    @TempDir
    Path temp;

    FakeBotApiServer server;
    TelegramBot bot;

    @BeforeEach
    void archiveAndServer() throws IOException {
        sampleArchive.loadIfEmpty();
        server = new FakeBotApiServer();
    }

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        server.close();
        answerService.resetConversation(TelegramAnswers.conversationId(READER));
    }

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    /** Fast settings for the test: first message and edits after 200 ms, 10 more characters to edit. */
    void startBot() {
        TelegramProperties settings = new TelegramProperties(
                FakeBotApiServer.TOKEN,
                TelegramProperties.Mode.POLLING,
                server.baseUrl(),
                new TelegramProperties.Webhook(null, null),
                new TelegramProperties.RateLimit(100, Duration.ofMinutes(1)),
                List.of(),
                2000,
                Duration.ofSeconds(1),
                new TelegramProperties.Retry(6, Duration.ofMillis(50), Duration.ofMillis(400)),
                new TelegramProperties.Streaming(
                        Duration.ofMillis(200), Duration.ofMillis(200), 10, Duration.ofSeconds(4)));
        bot = new TelegramBot(
                settings,
                new TelegramAnswers(answerService),
                () -> new FileOffsetStore(temp.resolve("offset"), Clock.systemUTC()),
                Clock.systemUTC());
        bot.start();
    }

    static int tramNumber(FakeProviderServer.Request request) {
        Matcher number = TRAM_NUMBER.matcher(request.userText());
        assertThat(number.find())
                .as("the tram article is among the numbered sources")
                .isTrue();
        return Integer.parseInt(number.group(1));
    }

    /** What the reader saw of the answer: messages sent and edited, in order. */
    List<Request> shown() {
        return server.requests().stream()
                .filter(r -> r.method().equals("sendmessage") || r.method().equals("editmessagetext"))
                .toList();
    }

    @Test
    void aSlowModelsAnswerIsSentAsItGrowsAndFinallyReplacedByTheRenderedAnswer() throws Exception {
        // Each sentence one token, then a pause far longer than the edit interval: one edit per
        // sentence. (Small tokens would be edited in wherever the interval happens to end.)
        MODEL.reply(request -> {
            int tram = tramNumber(request);
            return Reply.of()
                    .say(FIRST.formatted(tram), 200)
                    .pause(1200)
                    .say(SECOND.formatted(tram), 200)
                    .pause(1200)
                    .say(THIRD.formatted(tram), 200)
                    .pause(1200);
        });
        startBot();
        server.addUpdate(Updates.privateMessage(1, READER, QUESTION, "en"));
        server.await(s -> s.requests("editmessagetext").size() >= 3, WAIT, "the answer edited into its final form");

        String first = FIRST.formatted(1);
        String second = SECOND.formatted(1);
        String third = THIRD.formatted(1);
        List<Request> shown = shown();
        assertThat(shown)
                .extracting(Request::method, r -> r.text("text"))
                .containsExactly(
                        tuple("sendmessage", Html.escape(first) + " …"),
                        tuple("editmessagetext", Html.escape(first + second) + " …"),
                        tuple("editmessagetext", Html.escape(first + second + third) + " …"),
                        tuple(
                                "editmessagetext",
                                Html.escape(first + second + third) + "\n\n<b>Sources</b>\n" + TRAM_SOURCE));
        assertThat(shown.get(3).text("text"))
                .contains(
                        "Palm Valley University &amp; has 12 stops [1]",
                        "free during the first week &lt;of operation&gt; [1].");
        assertThat(shown)
                .allMatch(r ->
                        r.text("chat_id").equals("42") && r.text("parse_mode").equals("HTML"));
        assertThat(shown.subList(1, 4)).extracting(r -> r.text("message_id")).containsOnly("501");
        assertThat(shown.subList(0, 3))
                .allMatch(r -> r.body().path("reply_markup").isMissingNode());
        assertThat(shown.get(3)
                        .body()
                        .path("reply_markup")
                        .path("inline_keyboard")
                        .path(0)
                        .path(0)
                        .path("text")
                        .asText())
                .isEqualTo("📚 Sources");
        assertThat(server.requests())
                .extracting(Request::method)
                .as("typing… before the answer")
                .filteredOn(method -> method.startsWith("send"))
                .first()
                .isEqualTo("sendchataction");
        assertThat(MODEL.lastRequest().streaming()).isTrue();
    }

    @Test
    void aModelFailingMidAnswerIsReplacedInTheSameMessageByTheMarkedExtractiveAnswer() throws Exception {
        // The model writes a sentence, goes silent for longer than "typing…" lasts, then dies.
        MODEL.reply(request -> Reply.of()
                .say(FIRST.formatted(tramNumber(request)), 4)
                .pause(4500)
                .cut());
        startBot();
        server.addUpdate(Updates.privateMessage(1, READER, QUESTION, "en"));
        server.await(
                s -> s.requests("editmessagetext").stream()
                        .anyMatch(r -> r.text("text").contains("<b>Sources</b>")),
                WAIT,
                "the fallback edited in");

        // The same question with the model failing at once: the extractive fallback the bot must show.
        MODEL.reply(Reply.status(500));
        Answer fallback = answerService.ask(QUESTION);
        assertThat(fallback.mode()).isEqualTo(Answer.EXTRACTIVE_FALLBACK);
        assertThat(fallback.citations()).isNotEmpty();
        StringBuilder expected = new StringBuilder(Html.escape(fallback.answer()))
                .append(
                        "\n\n<i>The language model could not answer, so these are sentences quoted from the archive.</i>")
                .append("\n\n<b>Sources</b>");
        fallback.citations()
                .forEach(citation -> expected.append('\n').append(AnswerRenderer.sourceLine(citation, false)));

        List<Request> shown = shown();
        assertThat(shown)
                .extracting(Request::method, r -> r.text("text"))
                .startsWith(tuple("sendmessage", Html.escape(FIRST.formatted(1)) + " …"), tuple("editmessagetext", "…"))
                .endsWith(tuple("editmessagetext", expected.toString()));
        // A fallback that takes longer than an edit interval to write (a loaded machine, a cold
        // start) is shown as it grows, marked unfinished, before the rendered answer.
        String fallbackHtml = Html.escape(fallback.answer());
        assertThat(shown.subList(2, shown.size() - 1)).allSatisfy(progress -> {
            assertThat(progress.method()).isEqualTo("editmessagetext");
            assertThat(progress.text("text")).endsWith(" …");
            assertThat(fallbackHtml)
                    .startsWith(progress.text("text")
                            .substring(0, progress.text("text").length() - 2));
        });
        assertThat(shown.subList(1, shown.size()))
                .extracting(r -> r.text("message_id"))
                .containsOnly("501");
        assertThat(server.requests("sendchataction"))
                .as("typing… repeated while the model was silent")
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aLongAnswerKeepsItsFirstPartInTheMessageShownAndTheRestFollowsInANewOne() throws Exception {
        // About 5,000 characters, in bursts.
        MODEL.reply(request -> {
            int tram = tramNumber(request);
            Reply reply = Reply.of();
            for (int burst = 0; burst < 5; burst++) {
                reply = reply.say(longSentences(burst, tram), 4).pause(400);
            }
            return reply;
        });
        startBot();
        server.addUpdate(Updates.privateMessage(1, READER, QUESTION, "en"));
        server.await(s -> s.requests("sendmessage").size() >= 2, WAIT, "the second part");

        StringBuilder reply = new StringBuilder();
        for (int burst = 0; burst < 5; burst++) {
            reply.append(longSentences(burst, 1));
        }
        List<Request> shown = shown();
        Request progress = shown.get(0);
        Request firstPart = shown.get(shown.size() - 2);
        Request rest = shown.get(shown.size() - 1);
        assertThat(progress.method()).isEqualTo("sendmessage");
        assertThat(progress.text("text")).endsWith(" …");
        assertThat(firstPart.method()).isEqualTo("editmessagetext");
        assertThat(firstPart.text("message_id")).isEqualTo("501");
        assertThat(rest.method()).isEqualTo("sendmessage");
        assertThat(firstPart.text("text").length()).isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
        // Cut between sentences: the parts joined by the space that stood there are the whole answer.
        assertThat(firstPart.text("text") + " " + rest.text("text"))
                .isEqualTo(Html.escape(reply.toString().strip()) + "\n\n<b>Sources</b>\n" + TRAM_SOURCE);
        assertThat(firstPart.body().path("reply_markup").isMissingNode()).isTrue();
        assertThat(rest.body()
                        .path("reply_markup")
                        .path("inline_keyboard")
                        .path(0)
                        .path(0)
                        .path("callback_data")
                        .asText())
                .isEqualTo("sources");
        assertThat(shown.subList(1, shown.size() - 1))
                .as("only edits between")
                .allMatch(r -> r.method().equals("editmessagetext"));
    }

    /** Ten sentences of about 100 characters each, citing the tram article. */
    static String longSentences(int burst, int tram) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append(" Sentence ")
                    .append(burst * 10 + i + 1)
                    .append(" of a long answer says again that the first tram line opens on 3 June 2025 [")
                    .append(tram)
                    .append("].");
        }
        return text.toString();
    }
}
