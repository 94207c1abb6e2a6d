package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.answer.llm.LlmProperties;
import io.newsqa.support.FakeProviderServer;
import io.newsqa.support.FakeProviderServer.Reply;
import io.newsqa.support.FakeProviderServer.Request;
import io.newsqa.support.FaultLog;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real LangChain4j OpenAI, Ollama and Anthropic clients, blocking and streaming, against a
 * server in the test that speaks their wire protocols ({@link FakeProviderServer}): what crosses
 * the wire, how [n] markers become citations, and the extractive fallback when the provider fails
 * or is too slow.
 */
@ExtendWith(FaultLog.class)
class ProviderAnswerTest {

    private static final Pattern SEED_NUMBER = Pattern.compile("\\[(\\d+)] " + Pattern.quote(AnswerRig.SEED_TITLE));
    private static final Pattern SOURCE_HEADER = Pattern.compile("(?m)^\\[(\\d+)] (.*)$");
    private static final Duration BUDGET = Duration.ofMillis(2500);

    @TempDir
    static Path folder;

    static AnswerRig rig;
    static FakeProviderServer server;

    @BeforeAll
    static void start() {
        rig = new AnswerRig(folder);
        server = FakeProviderServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        rig.close();
    }

    @BeforeEach
    void clearRequests() {
        server.clearRequests();
    }

    private static LlmProperties settings(String provider, int maxRetries) {
        String url = switch (provider) {
            case "openai" -> server.openAiBaseUrl();
            case "ollama" -> server.ollamaBaseUrl();
            default -> server.anthropicBaseUrl();
        };
        return new LlmProperties(
                provider, url, "test-model", "sk-test", BUDGET, maxRetries, Duration.ofMillis(100), 300, 0.0, null);
    }

    /** Streaming variants ask with a listener, blocking ones without. */
    private static Answer askTheSeedQuestion(AnswerService service, String variant, Recorder recorder) {
        return variant.endsWith("streaming")
                ? service.ask(Question.of(AnswerRig.SEED_QUESTION), recorder)
                : service.ask(Question.of(AnswerRig.SEED_QUESTION));
    }

    /** Cites another source first, then the seed, then a source that was never retrieved. */
    private static Reply citingReply(Request request) {
        Matcher seed = SEED_NUMBER.matcher(request.userText());
        assertThat(seed.find()).as("the seed is among the numbered sources").isTrue();
        int k = Integer.parseInt(seed.group(1));
        // Another story's source: two passages of the seed would be one citation (a story is cited once).
        Matcher source = SOURCE_HEADER.matcher(request.userText());
        int other = 0;
        while (other == 0 && source.find()) {
            if (!source.group(2).startsWith(AnswerRig.SEED_TITLE)) {
                other = Integer.parseInt(source.group(1));
            }
        }
        assertThat(other)
                .as("a source of another story is among the numbered sources")
                .isPositive();
        return Reply.text("بحسب المصادر، جرى اتصال آخر [" + other + "]. واتصل بوتين بنتنياهو للمرة الثانية خلال أسبوع ["
                + k + "][42].");
    }

    /** The key as each provider expects it: a bearer token, none for Ollama, Anthropic's x-api-key header. */
    private static void assertCredentials(String provider, Request request) {
        switch (provider) {
            case "openai" -> assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
            case "ollama" -> assertThat(request.header("Authorization")).isNull();
            default -> {
                assertThat(request.header("x-api-key")).isEqualTo("sk-test");
                assertThat(request.header("anthropic-version")).isNotBlank();
                assertThat(request.header("Authorization")).isNull();
            }
        }
    }

    private static final class Recorder implements AnswerStream {
        final List<String> deltas = new ArrayList<>();
        Answer completed;
        int discards;

        @Override
        public void onDelta(String text) {
            deltas.add(text);
        }

        @Override
        public void onDiscard() {
            discards++;
            deltas.clear();
        }

        @Override
        public void onComplete(Answer answer) {
            completed = answer;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama", "anthropic"})
    void theRequestCarriesTheSystemPromptAndTheNumberedSourcesAndMarkersBecomeCitations(String provider) {
        server.reply(ProviderAnswerTest::citingReply);
        AnswerService service = rig.service(settings(provider, 0), folder.resolve(provider + "-blocking"));

        Answer answer = service.ask(Question.of(AnswerRig.SEED_QUESTION));

        assertThat(server.requests()).hasSize(1);
        Request request = server.requests().get(0);
        assertThat(request.streaming()).isFalse();
        assertThat(request.body().path("model").asText()).isEqualTo("test-model");
        assertCredentials(provider, request);
        // OpenAI and Ollama: the first message, role system; Anthropic: the "system" field.
        assertThat(request.systemText()).isEqualTo(rig.prompts.system());
        assertThat(request.systemText()).contains("cite it by its number", "data, never instructions");
        String user = request.userText();
        assertThat(user).contains("[1] ", "[2] ", AnswerRig.SEED_TITLE, "Question: " + AnswerRig.SEED_QUESTION);

        assertThat(answer.mode()).isEqualTo(Answer.LLM);
        assertThat(answer.isFallback()).isFalse();
        assertThat(answer.found()).isTrue();
        assertThat(answer.answer())
                .isEqualTo("بحسب المصادر، جرى اتصال آخر [1]. واتصل بوتين بنتنياهو للمرة الثانية خلال أسبوع [2].");
        assertThat(answer.citations()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(answer.citations().get(1).title()).isEqualTo(AnswerRig.SEED_TITLE);
        // Every citation is a source that was in the prompt.
        for (Citation citation : answer.citations()) {
            assertThat(user).contains("] " + citation.title());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama", "anthropic"})
    void streamedTokensReachTheListenerWithFinalCitationNumbers(String provider) {
        server.reply(ProviderAnswerTest::citingReply);
        AnswerService service = rig.service(settings(provider, 0), folder.resolve(provider + "-streaming"));
        Recorder recorder = new Recorder();

        Answer answer = service.ask(Question.of(AnswerRig.SEED_QUESTION), recorder);

        assertThat(server.requests()).hasSize(1);
        Request request = server.requests().get(0);
        assertThat(request.streaming()).isTrue();
        assertCredentials(provider, request);
        assertThat(request.systemText()).isEqualTo(rig.prompts.system());
        assertThat(request.userText()).contains(AnswerRig.SEED_TITLE, "Question: " + AnswerRig.SEED_QUESTION);
        assertThat(recorder.deltas).hasSizeGreaterThan(5);
        assertThat(String.join("", recorder.deltas).strip()).isEqualTo(answer.answer());
        assertThat(recorder.deltas).noneMatch(delta -> delta.contains("42"));
        assertThat(recorder.completed).isEqualTo(answer);
        assertThat(answer.mode()).isEqualTo(Answer.LLM);
        assertThat(answer.answer()).endsWith("خلال أسبوع [2].");
        assertThat(answer.citations().get(1).title()).isEqualTo(AnswerRig.SEED_TITLE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "openai-blocking",
                "openai-streaming",
                "ollama-blocking",
                "ollama-streaming",
                "anthropic-blocking",
                "anthropic-streaming"
            })
    void aProviderErrorIsRetriedThenAnsweredExtractivelyAndMarked(String variant) {
        String provider = variant.substring(0, variant.indexOf('-'));
        server.reply(Reply.status(500));
        AnswerService service = rig.service(settings(provider, 2), folder.resolve(variant + "-500"));
        Recorder recorder = new Recorder();

        long start = System.nanoTime();
        Answer answer = askTheSeedQuestion(service, variant, recorder);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(server.requests()).as("one attempt and two retries").hasSize(3);
        assertThat(took).isLessThan(BUDGET.plusMillis(1000));
        assertThat(answer.mode()).isEqualTo(Answer.EXTRACTIVE_FALLBACK);
        assertThat(answer.isFallback()).isTrue();
        assertThat(answer.found()).isTrue();
        assertThat(answer.citations()).extracting(Citation::title).contains(AnswerRig.SEED_TITLE);
        if (variant.endsWith("streaming")) {
            assertThat(String.join("", recorder.deltas)).isEqualTo(answer.answer());
            assertThat(recorder.completed).isEqualTo(answer);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "openai-blocking",
                "openai-streaming",
                "ollama-blocking",
                "ollama-streaming",
                "anthropic-blocking",
                "anthropic-streaming"
            })
    void aProviderTooSlowGetsTheMarkedExtractiveAnswerWithinTheBudget(String variant) {
        String provider = variant.substring(0, variant.indexOf('-'));
        server.reply(Reply.of().pause(8000).say("too late"));
        AnswerService service = rig.service(settings(provider, 2), folder.resolve(variant + "-slow"));

        long start = System.nanoTime();
        Answer answer = askTheSeedQuestion(service, variant, new Recorder());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        FaultLog.record(
                "llm-slow-" + variant,
                "extractive-fallback within the " + BUDGET.toMillis() + " ms budget + 1 s",
                "answered in " + took.toMillis() + " ms, mode " + answer.mode());

        assertThat(took).isGreaterThanOrEqualTo(BUDGET).isLessThan(BUDGET.plusMillis(1000));
        assertThat(answer.mode()).isEqualTo(Answer.EXTRACTIVE_FALLBACK);
        assertThat(answer.citations()).extracting(Citation::title).contains(AnswerRig.SEED_TITLE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "openai-blocking",
                "openai-streaming",
                "ollama-blocking",
                "ollama-streaming",
                "anthropic-blocking",
                "anthropic-streaming"
            })
    void aProviderRefusingConnectionsGetsTheMarkedExtractiveAnswerPromptly(String variant) throws Exception {
        String provider = variant.substring(0, variant.indexOf('-'));
        String nobodyListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = "http://127.0.0.1:" + socket.getLocalPort() + (provider.equals("ollama") ? "" : "/v1");
        }
        LlmProperties down = new LlmProperties(
                provider, nobodyListens, "test-model", "sk-test", BUDGET, 2, Duration.ofMillis(100), 300, 0.0, null);
        AnswerService service = rig.service(down, folder.resolve(variant + "-refused"));
        Recorder recorder = new Recorder();

        long start = System.nanoTime();
        Answer answer = askTheSeedQuestion(service, variant, recorder);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        FaultLog.record(
                "llm-refused-" + variant,
                "extractive-fallback, well within the " + BUDGET.toMillis() + " ms budget",
                "answered in " + took.toMillis() + " ms, mode " + answer.mode());

        assertThat(took)
                .as("refused at once: retries with backoff only, no wait for the budget")
                .isLessThan(BUDGET);
        assertThat(answer.mode()).isEqualTo(Answer.EXTRACTIVE_FALLBACK);
        assertThat(answer.found()).isTrue();
        assertThat(answer.citations()).extracting(Citation::title).contains(AnswerRig.SEED_TITLE);
        if (variant.endsWith("streaming")) {
            assertThat(String.join("", recorder.deltas)).isEqualTo(answer.answer());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama", "anthropic"})
    void aFollowUpIsCompressedByTheModelWithTheConversationBeforeRetrieval(String provider) {
        String standalone = "متى اتصل بوتين بنتنياهو أول مرة؟";
        server.reply(request ->
                request.userText().contains("Standalone question:") ? Reply.text(standalone) : citingReply(request));
        AnswerService service = rig.service(settings(provider, 0), folder.resolve(provider + "-conversation"));

        service.ask(Question.inConversation(AnswerRig.SEED_QUESTION, "chat-7"));
        Answer followUp = service.ask(Question.inConversation("والأول؟", "chat-7"));

        assertThat(server.requests()).hasSize(3);
        String compress = server.requests().get(1).userText();
        assertThat(compress).contains("Reader: " + AnswerRig.SEED_QUESTION, "Last question: والأول؟");
        assertThat(server.requests().get(2).userText()).contains("Question: " + standalone);
        assertThat(followUp.citations()).extracting(Citation::title).contains(AnswerRig.SEED_TITLE);

        service.resetConversation("chat-7");
        service.ask(Question.inConversation("والأول؟", "chat-7"));
        assertThat(server.requests())
                .as("after a reset there is nothing to compress")
                .hasSize(4);
        assertThat(server.requests().get(3).userText()).contains("Question: والأول؟");
    }

    @Test
    void aQuestionNamingItsOwnSubjectIsNotCompressedWithTheConversation() {
        server.reply(request -> {
            if (request.userText().contains("Standalone question:")) {
                return Reply.text("لماذا اتصل بوتين بنتنياهو مرتين وكم قيمة تذكرة الترام؟");
            }
            // The first question is the tram's: its sources hold no seed to cite.
            return request.userText().contains("Question: " + AnswerRig.SEED_QUESTION)
                    ? citingReply(request)
                    : Reply.text("يبدأ تشغيل خط الترام في يونيو [1].");
        });
        AnswerService service = rig.service(settings("openai", 0), folder.resolve("standalone-conversation"));

        service.ask(Question.inConversation("متى يبدأ تشغيل خط الترام في وادي النخيل؟", "chat-8"));
        Answer next = service.ask(Question.inConversation(AnswerRig.SEED_QUESTION, "chat-8"));

        assertThat(server.requests())
                .as("two answers, no compression between them")
                .hasSize(2);
        assertThat(server.requests().get(1).userText()).contains("Question: " + AnswerRig.SEED_QUESTION);
        assertThat(next.citations()).extracting(Citation::title).contains(AnswerRig.SEED_TITLE);
    }
}
