package io.newsqa.telegram;

import static io.newsqa.telegram.FakeBotApiServer.Fault.DROP_CONNECTION;
import static io.newsqa.telegram.FakeBotApiServer.Fault.SERVER_ERROR;
import static io.newsqa.telegram.FakeBotApiServer.Fault.TOO_MANY_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import io.newsqa.answer.Citation;
import io.newsqa.answer.Question;
import io.newsqa.answer.conversation.FollowUps;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.SampleArchive;
import io.newsqa.support.FaultLog;
import io.newsqa.support.Seed;
import io.newsqa.telegram.FakeBotApiServer.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bot end to end: the real telegrambots client and long-polling application talk HTTP to a
 * Bot API server in the test, updates go through the real answer service over an embedded
 * archive holding the seed and the sample articles, and the assertions are on what the bot sent.
 */
@ExtendWith(FaultLog.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TelegramBotTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SEED_QUESTION = "لماذا اتصل بوتين بنتنياهو مرتين؟";
    static final String TRAM_QUESTION = "متى يفتتح خط الترام؟";
    static final long READER = 42;
    static final long GROUP = -100123;
    static final TelegramProperties.Streaming STREAMING =
            new TelegramProperties.Streaming(Duration.ofSeconds(1), Duration.ofSeconds(1), 30, Duration.ofSeconds(4));

    @DynamicPropertySource
    static void embeddedArchive(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("newsqa-telegram-test");
        registry.add("newsqa.data-dir", dataDir::toString);
        registry.add("newsqa.db.url", () -> "");
    }

    @Autowired
    AnswerService answerService;

    @Autowired
    FileIngest fileIngest;

    @Autowired
    SampleArchive sampleArchive;

    @Autowired
    ChatMemoryStore chatMemory;

    @TempDir
    Path temp;

    FakeBotApiServer server;
    final List<TelegramBot> bots = new ArrayList<>();

    @BeforeEach
    void archiveAndServer() throws IOException {
        sampleArchive.loadIfEmpty();
        Path escaping = temp.resolve("escaping.txt");
        Files.writeString(escaping, """
                ---
                title: Q&A: why <script> tags never reach readers
                url: https://example.org/escaping?a=1&b=2
                published: 2025-03-04T10:00:00Z
                language: en
                ---
                Editors escape <b>bold</b> tags & <script> blocks before publishing headlines.
                """);
        IngestReport report = fileIngest.ingest(List.of(Seed.file(), escaping));
        assertThat(report.rejections()).isEmpty();
        server = new FakeBotApiServer();
    }

    @AfterEach
    void stop() throws Exception {
        for (TelegramBot bot : bots) {
            bot.close();
        }
        // The answer service (one per Spring context) remembers each chat's conversation: every
        // test starts its chats afresh.
        server.requests().stream()
                .map(r -> r.text("chat_id"))
                .filter(Objects::nonNull)
                .distinct()
                .forEach(chat -> answerService.resetConversation(TelegramAnswers.conversationId(Long.parseLong(chat))));
        server.close();
    }

    TelegramProperties settings(TelegramProperties.RateLimit rateLimit, List<Long> allowedChats) {
        return new TelegramProperties(
                FakeBotApiServer.TOKEN,
                TelegramProperties.Mode.POLLING,
                server.baseUrl(),
                new TelegramProperties.Webhook(null, null),
                rateLimit,
                allowedChats,
                2000,
                Duration.ofSeconds(1),
                new TelegramProperties.Retry(6, Duration.ofMillis(50), Duration.ofMillis(400)),
                STREAMING);
    }

    TelegramProperties settings() {
        return settings(new TelegramProperties.RateLimit(100, Duration.ofMinutes(1)), List.of());
    }

    TelegramBot start(TelegramProperties settings, OffsetStore offsets) {
        TelegramBot bot =
                new TelegramBot(settings, new TelegramAnswers(answerService), () -> offsets, Clock.systemUTC());
        bots.add(bot);
        bot.start();
        return bot;
    }

    TelegramBot start() {
        return start(settings(), new FileOffsetStore(temp.resolve("offset"), Clock.systemUTC()));
    }

    void awaitMessages(int count) throws InterruptedException {
        server.await(s -> s.requests("sendmessage").size() >= count, WAIT, count + " sendMessage requests");
    }

    List<Request> messagesTo(long chatId) {
        return server.requests("sendmessage").stream()
                .filter(r -> r.text("chat_id").equals(Long.toString(chatId)))
                .toList();
    }

    static String expectedAnswer(Answer answer, String heading) {
        StringBuilder text = new StringBuilder(Html.escape(answer.answer()));
        if (!answer.citations().isEmpty()) {
            text.append("\n\n<b>").append(heading).append("</b>");
            for (Citation citation : answer.citations()) {
                text.append('\n').append(AnswerRenderer.sourceLine(citation, false));
            }
        }
        return text.toString();
    }

    @Test
    void anArabicQuestionInAPrivateChatIsAnsweredFromTheSeedWithTypingFirstAndTheSourceCited() throws Exception {
        start();
        server.addUpdate(Updates.privateMessage(1, READER, SEED_QUESTION, "ar"));
        awaitMessages(1);

        Answer answer = answerService.ask(SEED_QUESTION);
        assertThat(answer.found()).isTrue();
        assertThat(answer.citations())
                .extracting(Citation::title)
                .containsExactly("للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو");
        List<Request> sent = server.requests();
        assertThat(sent).extracting(Request::method).containsSubsequence("sendchataction", "sendmessage");
        assertThat(server.requests("editmessagetext"))
                .as("an extractive answer comes at once: sent once, never edited")
                .isEmpty();
        Request typing = server.requests("sendchataction").get(0);
        assertThat(typing.text("chat_id")).isEqualTo("42");
        assertThat(typing.text("action")).isEqualTo("typing");
        Request reply = server.requests("sendmessage").get(0);
        assertThat(reply.text("chat_id")).isEqualTo("42");
        assertThat(reply.text("parse_mode")).isEqualTo("HTML");
        // Arabic text goes out exactly as the archive has it: no reordering, no inserted marks.
        assertThat(reply.text("text")).isEqualTo(expectedAnswer(answer, "المصادر"));
        assertThat(reply.text("text")).startsWith(answer.answer().substring(0, 40));
        assertThat(reply.body().path("reply_parameters").isMissingNode())
                .as("no quoting in a private chat")
                .isTrue();
        JsonNode button = reply.body()
                .path("reply_markup")
                .path("inline_keyboard")
                .path(0)
                .path(0);
        assertThat(button.path("callback_data").asText()).isEqualTo("sources");
        assertThat(button.path("text").asText()).isEqualTo("📚 المصادر");
    }

    @Test
    void aGroupMentionIsAnsweredAsAReplyWithTheSourceLinkedAndDated() throws Exception {
        start();
        server.addUpdate(Updates.groupMessage(1, GROUP, 7, "@" + FakeBotApiServer.BOT_USERNAME + " " + TRAM_QUESTION));
        awaitMessages(1);

        Request reply = messagesTo(GROUP).get(0);
        assertThat(reply.body().path("reply_parameters").path("message_id").asInt())
                .isEqualTo(1);
        assertThat(reply.text("text")).isEqualTo(expectedAnswer(answerService.ask(TRAM_QUESTION), "المصادر"));
        assertThat(reply.text("text"))
                .contains("[1] <a href=\"https://example.org/sample/ar/tram-line-opens\">"
                        + "افتتاح خط الترام الأول في وادي النخيل مطلع يونيو</a> — 2025-05-12");
    }

    @Test
    void inAGroupTheBotKeepsQuietUnlessMentionedRepliedToOrCommanded() throws Exception {
        start();
        server.addUpdate(Updates.groupMessage(1, GROUP, 7, TRAM_QUESTION));
        server.addUpdate(Updates.groupMessage(2, GROUP, 7, "/help@some_other_bot"));
        server.addUpdate(Updates.groupMessage(3, GROUP, 7, "@someone_else " + TRAM_QUESTION));
        server.addUpdate(Updates.groupReplyToBot(4, GROUP, 7, TRAM_QUESTION));
        server.addUpdate(Updates.groupMessage(5, GROUP, 7, "/help@" + FakeBotApiServer.BOT_USERNAME));
        awaitMessages(2);

        // Updates are handled in order, so once 4 and 5 are answered, 1 to 3 were passed over.
        assertThat(messagesTo(GROUP))
                .extracting(r ->
                        r.body().path("reply_parameters").path("message_id").asInt())
                .containsExactly(4, 5);
        assertThat(messagesTo(GROUP).get(1).text("text")).isEqualTo(Html.escape(BotTexts.AR.help));
    }

    @Test
    void commandsAnswerInTheChatsLanguageAndUnknownOnesGetHelp() throws Exception {
        start();
        server.addUpdate(Updates.privateMessage(1, READER, "/start", "ar"));
        server.addUpdate(Updates.privateMessage(2, READER, "/frobnicate now", "ar"));
        server.addUpdate(Updates.privateMessage(3, READER, "/sources", "ar"));
        server.addUpdate(Updates.privateMessage(4, READER, "/lang en", "ar"));
        server.addUpdate(Updates.privateMessage(5, READER, "/help", "ar"));
        server.addUpdate(Updates.privateMessage(6, READER, "/ask", "ar"));
        server.addUpdate(Updates.privateMessage(7, READER, "/ask " + TRAM_QUESTION, "ar"));
        server.addUpdate(Updates.privateMessage(8, READER, "/sources", "ar"));
        server.addUpdate(Updates.privateMessage(9, READER, "/lang fr", "ar"));
        awaitMessages(9);

        Answer tram = answerService.ask(TRAM_QUESTION);
        assertThat(messagesTo(READER))
                .extracting(r -> r.text("text"))
                .containsExactly(
                        Html.escape(BotTexts.WELCOME),
                        Html.escape(BotTexts.AR.help),
                        Html.escape(BotTexts.AR.noSources),
                        Html.escape(BotTexts.EN.languageSet),
                        Html.escape(BotTexts.EN.help),
                        Html.escape(BotTexts.EN.askUsage),
                        expectedAnswer(tram, "Sources"),
                        "<b>Sources</b>\n"
                                + AnswerRenderer.sourceLine(tram.citations().get(0), true),
                        Html.escape(BotTexts.EN.languageUsage));
        assertThat(BotTexts.WELCOME).contains("مرحبًا").contains("Hello");
        assertThat(messagesTo(READER).get(7).text("text")).contains("عينة NewsQA (أخبار متخيلة)");
    }

    @Test
    void aFollowUpInTheSameChatCarriesThePreviousQuestionUntilReset() throws Exception {
        // Without a language model a short follow-up carries the previous question's content words
        // (FollowUps): "what about the second one?" after the seed question.
        String followUp = "ماذا عن الثاني؟";
        String carried = followUp + " اتصل بوتين بنتنياهو مرتين";
        start();
        server.addUpdate(Updates.privateMessage(1, READER, SEED_QUESTION, "ar"));
        server.addUpdate(Updates.privateMessage(2, READER, followUp, "ar"));
        server.addUpdate(Updates.privateMessage(3, 43, followUp, "ar"));
        awaitMessages(3);

        String conversation = TelegramAnswers.conversationId(READER);
        assertThat(FollowUps.lastQuestion(chatMemory.getMessages(conversation))).isEqualTo(carried);
        // The same two questions in a conversation of the answer service's own.
        answerService.ask(Question.inConversation(SEED_QUESTION, "telegram-test-reference"));
        Answer inContext = answerService.ask(Question.inConversation(followUp, "telegram-test-reference"));
        answerService.resetConversation("telegram-test-reference");
        Answer alone = answerService.ask(followUp);
        assertThat(FollowUps.lastQuestion(chatMemory.getMessages(TelegramAnswers.conversationId(43))))
                .as("another chat carries nothing")
                .isEqualTo(followUp);
        assertThat(inContext.citations())
                .extracting(Citation::title)
                .containsExactly("للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو");
        assertThat(messagesTo(READER).get(1).text("text")).isEqualTo(expectedAnswer(inContext, "المصادر"));
        assertThat(messagesTo(43))
                .as("another chat is another conversation")
                .extracting(r -> r.text("text"))
                .containsExactly(expectedAnswer(alone, "المصادر"));

        server.addUpdate(Updates.privateMessage(4, READER, "/reset", "ar"));
        server.addUpdate(Updates.privateMessage(5, READER, followUp, "ar"));
        awaitMessages(5);

        assertThat(messagesTo(READER).get(2).text("text")).isEqualTo(Html.escape(BotTexts.AR.resetDone));
        assertThat(messagesTo(READER).get(3).text("text"))
                .as("after /reset nothing is carried")
                .isEqualTo(expectedAnswer(alone, "المصادر"));
        assertThat(FollowUps.lastQuestion(chatMemory.getMessages(conversation))).isEqualTo(followUp);
    }

    /**
     * One chat per language, each changing topic: a question naming its own subject is answered on
     * its own (the previous topic does not hijack it), an unanswerable one is refused, and only a
     * true follow-up ("وما شعار هذه الدورة؟", "and who is the coach?") keeps the topic.
     */
    @Test
    void aChatChangingTopicIsAnsweredTurnByTurnFromTheRightArticle() throws Exception {
        List<String[]> arabic = List.of(
                new String[] {"متى يبدأ تشغيل خط الترام في وادي النخيل؟", "ar/tram-line-opens"},
                new String[] {"كم عدد ضحايا غرق المركب في النيل؟", null},
                new String[] {"كم دار نشر تشارك في معرض الكتاب؟", "ar/book-fair"},
                new String[] {"وما شعار هذه الدورة؟", "ar/book-fair"});
        List<String[]> english = List.of(
                new String[] {"How much does a tram ticket cost?", "en/tram-line-opens"},
                new String[] {"What about the museum?", "en/museum-reopens"},
                new String[] {"Who won the Coastal Regional Cup?", "en/football-cup"},
                new String[] {"And who is the coach?", "en/football-cup"},
                new String[] {"What is the capital of Australia?", null});
        start();
        int update = 1;
        for (int turn = 0; turn < english.size(); turn++) {
            if (turn < arabic.size()) {
                server.addUpdate(Updates.privateMessage(update++, READER, arabic.get(turn)[0], "ar"));
            }
            server.addUpdate(Updates.privateMessage(update++, 43, english.get(turn)[0], "en"));
        }
        awaitMessages(arabic.size() + english.size());

        assertAnsweredFrom(messagesTo(READER), arabic, "لا يذكر الأرشيف");
        assertAnsweredFrom(messagesTo(43), english, "The archive does not say");
    }

    private static void assertAnsweredFrom(List<Request> messages, List<String[]> turns, String refusal) {
        assertThat(messages).hasSameSizeAs(turns);
        for (int i = 0; i < turns.size(); i++) {
            String text = messages.get(i).text("text");
            String article = turns.get(i)[1];
            if (article == null) {
                assertThat(text).as(turns.get(i)[0]).startsWith(refusal).doesNotContain("href=");
            } else {
                assertThat(text)
                        .as(turns.get(i)[0])
                        .contains("[1] <a href=\"https://example.org/sample/" + article + "\"");
            }
        }
    }

    /**
     * A time word the archive has nothing for: the answer names the day searched and the newest
     * article's date, quotes the newest coverage, and says under it which dates were searched.
     */
    @Test
    void anAnswerSearchedWithinDatesSaysWhichDatesAndWhereTheArchiveEnds() throws Exception {
        String yesterday = io.newsqa.retrieve.time.RangeText.day(
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1), "en");
        start();
        server.addUpdate(Updates.privateMessage(1, READER, "Did the museum reopen yesterday?", "en"));
        server.addUpdate(Updates.privateMessage(2, 43, "هل أعاد المتحف فتح أبوابه أمس؟", "ar"));
        awaitMessages(2);

        String english = messagesTo(READER).get(0).text("text");
        assertThat(english)
                .startsWith("No articles from " + yesterday + " in the archive; the newest is from ")
                .contains("Its newest coverage in the archive, from 14 September 2025:")
                .contains("<i>Published: " + yesterday + " (yesterday)</i>")
                .contains("[1] <a href=\"https://example.org/sample/en/museum-reopens\"");
        String arabic = messagesTo(43).get(0).text("text");
        assertThat(arabic)
                .startsWith("لا توجد في الأرشيف مقالات من ")
                .contains("<i>تاريخ النشر: "
                        + io.newsqa.retrieve.time.RangeText.day(
                                java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                        .minusDays(1),
                                "ar")
                        + " (امس)</i>")
                .contains("[1] <a href=\"https://example.org/sample/ar/museum-reopens\"");
    }

    @Test
    void resetAnswersInTheChatsLanguageAndIsInTheHelpAndWelcome() throws Exception {
        start();
        server.addUpdate(Updates.privateMessage(1, READER, "/reset", "ar"));
        server.addUpdate(Updates.groupMessage(2, GROUP, 7, "/reset@" + FakeBotApiServer.BOT_USERNAME));
        awaitMessages(2);

        assertThat(messagesTo(READER).get(0).text("text"))
                .isEqualTo("بدأنا محادثة جديدة: لن أربط سؤالك التالي بالأسئلة السابقة.");
        assertThat(messagesTo(GROUP).get(0).text("text")).isEqualTo(Html.escape(BotTexts.AR.resetDone));
        assertThat(messagesTo(GROUP)
                        .get(0)
                        .body()
                        .path("reply_parameters")
                        .path("message_id")
                        .asInt())
                .isEqualTo(2);
        assertThat(BotTexts.AR.help).contains("/reset");
        assertThat(BotTexts.EN.help).contains("/reset");
        assertThat(BotTexts.WELCOME).contains("/reset");
    }

    @Test
    void theSourcesButtonSendsTheSourcesAndAnswersTheCallback() throws Exception {
        start();
        server.addUpdate(Updates.privateMessage(1, READER, TRAM_QUESTION, "en"));
        server.addUpdate(Updates.sourcesButtonPressed(2, READER, READER));
        server.await(
                s -> !s.requests("answercallbackquery").isEmpty()
                        && s.requests("sendmessage").size() >= 2,
                WAIT,
                "the callback answered and the sources sent");

        assertThat(server.requests("answercallbackquery").get(0).text("callback_query_id"))
                .isEqualTo("cb-2");
        Citation source = answerService.ask(TRAM_QUESTION).citations().get(0);
        assertThat(messagesTo(READER).get(1).text("text"))
                .isEqualTo("<b>Sources</b>\n" + AnswerRenderer.sourceLine(source, true));
    }

    @Test
    void anOversizeQuestionGetsAPoliteReplyNamingTheLimitAndIsNotAnswered() throws Exception {
        start();
        server.addUpdate(Updates.privateMessage(1, READER, "س".repeat(2001), "ar"));
        awaitMessages(1);

        assertThat(messagesTo(READER).get(0).text("text"))
                .isEqualTo("سؤالك طويل (2001 حرفًا)، والحد 2000 حرفًا. اختصره من فضلك.");
        assertThat(server.requests("sendchataction")).isEmpty();
    }

    @Test
    void htmlInQuestionsHeadlinesAnswersAndLinksIsEscaped() throws Exception {
        start();
        String question =
                "<b>x</b><script>alert(1)</script> Do editors escape <script> blocks before publishing headlines?";
        server.addUpdate(Updates.privateMessage(1, READER, question, "en"));
        awaitMessages(1);

        Answer answer = answerService.ask(question);
        assertThat(answer.found()).isTrue();
        String text = messagesTo(READER).get(0).text("text");
        assertThat(text).isEqualTo(expectedAnswer(answer, "Sources"));
        assertThat(text)
                .contains("Editors escape &lt;b&gt;bold&lt;/b&gt; tags &amp; &lt;script&gt; blocks")
                .contains("<a href=\"https://example.org/escaping?a=1&amp;b=2\">Q&amp;A: why &lt;script&gt; tags never"
                        + " reach readers</a> — 2025-03-04")
                .doesNotContain("<script>")
                .doesNotContain("<b>bold");
    }

    @Test
    void aUserOverTheRateLimitIsToldOnceAndNotAnswered() throws Exception {
        start(
                settings(new TelegramProperties.RateLimit(2, Duration.ofMinutes(1)), List.of()),
                new FileOffsetStore(temp.resolve("offset"), Clock.systemUTC()));
        for (int i = 1; i <= 4; i++) {
            server.addUpdate(Updates.privateMessage(i, READER, TRAM_QUESTION, "en"));
        }
        server.addUpdate(Updates.privateMessage(5, 43, TRAM_QUESTION, "en"));
        awaitMessages(4);

        assertThat(messagesTo(READER)).hasSize(3);
        assertThat(messagesTo(READER).get(2).text("text"))
                .matches("Please slow down: you can ask 2 questions every 60 seconds\\. Try again in \\d+ seconds\\.");
        assertThat(messagesTo(43)).as("another user is not limited").hasSize(1);
        assertThat(server.requests("sendchataction")).hasSize(3);
    }

    @Test
    void inAGroupTheRateLimitCountsEachUserNotTheChat() throws Exception {
        start(
                settings(new TelegramProperties.RateLimit(2, Duration.ofMinutes(1)), List.of()),
                new FileOffsetStore(temp.resolve("offset"), Clock.systemUTC()));
        String mention = "@" + FakeBotApiServer.BOT_USERNAME + " " + TRAM_QUESTION;
        for (int i = 1; i <= 3; i++) {
            server.addUpdate(Updates.groupMessage(i, GROUP, 7, mention));
        }
        server.addUpdate(Updates.groupMessage(4, GROUP, 8, mention));
        awaitMessages(4);

        // Keyed by the chat, user 8 would be refused too: two answers, not three.
        String answer = expectedAnswer(answerService.ask(TRAM_QUESTION), "المصادر");
        List<Request> replies = messagesTo(GROUP);
        assertThat(replies).hasSize(4);
        assertThat(replies)
                .filteredOn(r -> r.text("text").equals(answer))
                .as("answers to user 7 twice and user 8")
                .hasSize(3);
        assertThat(replies)
                .filteredOn(r -> !r.text("text").equals(answer))
                .as("user 7's third question is refused")
                .hasSize(1);
    }

    @Test
    void withAnAllowListOnlyThoseChatsAreAnswered() throws Exception {
        start(
                settings(new TelegramProperties.RateLimit(100, Duration.ofMinutes(1)), List.of(43L)),
                new FileOffsetStore(temp.resolve("offset"), Clock.systemUTC()));
        server.addUpdate(Updates.privateMessage(1, READER, TRAM_QUESTION, "en"));
        server.addUpdate(Updates.privateMessage(2, 43, TRAM_QUESTION, "en"));
        awaitMessages(1);

        assertThat(server.requests("sendmessage"))
                .extracting(r -> r.text("chat_id"))
                .containsExactly("43");
        assertThat(server.requests("sendchataction"))
                .extracting(r -> r.text("chat_id"))
                .containsExactly("43");
    }

    @Test
    void throughTooManyRequestsServerErrorsAndDroppedConnectionsNoUpdateIsLostOrAnsweredTwice() throws Exception {
        server.retryAfter(1);
        server.failNext("getupdates", SERVER_ERROR, DROP_CONNECTION, TOO_MANY_REQUESTS);
        server.failNext("sendmessage", TOO_MANY_REQUESTS, SERVER_ERROR, DROP_CONNECTION);
        server.failNext("sendchataction", SERVER_ERROR);
        for (int id = 1; id <= 3; id++) {
            server.addUpdate(Updates.privateMessage(id, 1000 + id, TRAM_QUESTION, "en"));
        }
        start();
        awaitMessages(3);
        // A second wave after the first faults, with faults again.
        server.failNext("getupdates", DROP_CONNECTION, SERVER_ERROR);
        server.failNext("sendmessage", SERVER_ERROR, TOO_MANY_REQUESTS);
        for (int id = 4; id <= 6; id++) {
            server.addUpdate(Updates.privateMessage(id, 1000 + id, TRAM_QUESTION, "en"));
        }
        awaitMessages(6);
        // Let a few more polls happen: a doubled answer would show up now.
        int polls = server.faultsServed("getupdates");
        server.failNext("getupdates", SERVER_ERROR, SERVER_ERROR);
        server.await(s -> s.faultsServed("getupdates") >= polls + 2, WAIT, "two more polls");
        server.addUpdate(Updates.privateMessage(7, 1007, "/help", "en"));
        awaitMessages(7);

        Map<String, Long> answersPerChat = server.requests("sendmessage").stream()
                .collect(Collectors.groupingBy(r -> r.text("chat_id"), Collectors.counting()));
        FaultLog.record(
                "telegram-errors",
                "7 updates through 429/500/reset: each answered exactly once",
                String.format(
                        "%d faults served; %d chats answered, %d lost, %d doubled",
                        server.faultsServed("getupdates")
                                + server.faultsServed("sendmessage")
                                + server.faultsServed("sendchataction"),
                        answersPerChat.size(),
                        7 - answersPerChat.size(),
                        answersPerChat.values().stream().filter(n -> n > 1).count()));
        assertThat(server.faultsServed("sendmessage")).isEqualTo(5);
        assertThat(server.faultsServed("sendchataction")).isEqualTo(1);
        assertThat(answersPerChat).containsOnlyKeys("1001", "1002", "1003", "1004", "1005", "1006", "1007");
        assertThat(answersPerChat.values()).containsOnly(1L);
    }

    @Test
    void afterA429ItWaitsTheRetryAfterTelegramGaveAndAfterErrorsItBacksOffDoubling() throws Exception {
        server.retryAfter(1);
        server.failNext("sendmessage", TOO_MANY_REQUESTS, SERVER_ERROR, SERVER_ERROR, DROP_CONNECTION);
        start();
        server.addUpdate(Updates.privateMessage(1, 1001, "/help", "en"));
        awaitMessages(1);

        List<Long> calls = server.arrivals("sendmessage");
        assertThat(calls).as("a 429, two 500s, a reset, then the answer").hasSize(5);
        // settings(): initial backoff 50 ms, doubling, at most 400 ms; a 429 waits what Telegram says.
        // (A dropped connection may be retried at once by the HTTP client itself, so no gap is asked of it.)
        assertThat(Duration.ofNanos(calls.get(1) - calls.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(calls.get(2) - calls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(Duration.ofNanos(calls.get(3) - calls.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(server.requests("sendmessage")).as("answered once").hasSize(1);
    }

    @Test
    void aRestartedBotAnswersOnlyWhatItHadNotHandled() throws Exception {
        Path offsetFile = temp.resolve("offset");
        TelegramBot first = start(settings(), new FileOffsetStore(offsetFile, Clock.systemUTC()));
        server.addUpdate(Updates.privateMessage(1, 1001, "/help", "en"));
        server.addUpdate(Updates.privateMessage(2, 1002, "/help", "en"));
        awaitMessages(2);
        first.close();

        // Telegram never got the confirmation (the bot went down first): it sends 1 and 2 again.
        server.keepConfirmedUpdates();
        server.addUpdate(Updates.privateMessage(3, 1003, "/help", "en"));
        start(settings(), new FileOffsetStore(offsetFile, Clock.systemUTC()));
        awaitMessages(3);
        server.failNext("getupdates", SERVER_ERROR, SERVER_ERROR);
        server.await(s -> s.faultsServed("getupdates") >= 2, WAIT, "two more polls");
        server.addUpdate(Updates.privateMessage(4, 1004, "/help", "en"));
        awaitMessages(4);

        assertThat(server.requests("sendmessage"))
                .extracting(r -> r.text("chat_id"))
                .containsExactly("1001", "1002", "1003", "1004");
        // The offset is recorded right after the answer went out.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.readString(offsetFile).startsWith("4 ") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(offsetFile)).startsWith("4 ");
    }

    @Test
    void withoutATokenTheBotStaysOff() {
        TelegramProperties noToken = new TelegramProperties(
                null,
                TelegramProperties.Mode.POLLING,
                server.baseUrl(),
                new TelegramProperties.Webhook(null, null),
                new TelegramProperties.RateLimit(5, Duration.ofMinutes(1)),
                List.of(),
                2000,
                Duration.ofSeconds(1),
                new TelegramProperties.Retry(6, Duration.ofMillis(50), Duration.ofMillis(400)),
                STREAMING);
        TelegramBot bot = new TelegramBot(
                noToken,
                new TelegramAnswers(answerService),
                () -> {
                    throw new AssertionError("no offset store without a bot");
                },
                Clock.systemUTC());
        bots.add(bot);
        bot.start();

        assertThat(bot.running()).isFalse();
        assertThat(server.requests()).isEmpty();
    }
}
