package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsqa.answer.llm.LlmProperties;
import io.newsqa.support.FaultLog;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real LangChain4j OpenAI and Ollama clients, blocking and streaming, against a server in the
 * test that speaks their wire protocols: what crosses the wire, how [n] markers become citations,
 * and the extractive fallback when the provider fails or is too slow.
 */
@ExtendWith(FaultLog.class)
class ProviderAnswerTest {

    private static final Pattern SEED_NUMBER = Pattern.compile("\\[(\\d+)] " + Pattern.quote(AnswerRig.SEED_TITLE));
    private static final Duration BUDGET = Duration.ofMillis(2500);

    @TempDir
    static Path folder;
    static AnswerRig rig;
    static FakeChatServer server;

    @BeforeAll
    static void start() throws Exception {
        rig = new AnswerRig(folder);
        server = new FakeChatServer();
    }

    @AfterAll
    static void stop() {
        server.close();
        rig.close();
    }

    @BeforeEach
    void clearRequests() {
        server.requests.clear();
    }

    private static LlmProperties settings(String provider, int maxRetries) {
        String url = provider.equals("openai") ? server.openAiBaseUrl() : server.ollamaBaseUrl();
        return new LlmProperties(provider, url, "test-model", "sk-test", BUDGET, maxRetries, Duration.ofMillis(100), 300, 0.0, null);
    }

    /** Streaming variants ask with a listener, blocking ones without. */
    private static Answer askTheSeedQuestion(AnswerService service, String variant, Recorder recorder) {
        return variant.endsWith("streaming")
                ? service.ask(Question.of(AnswerRig.SEED_QUESTION), recorder)
                : service.ask(Question.of(AnswerRig.SEED_QUESTION));
    }

    private static String userText(JsonNode request) {
        JsonNode messages = request.get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }

    /** Cites another source first, then the seed, then a source that was never retrieved. */
    private static String citingReply(JsonNode request) {
        Matcher seed = SEED_NUMBER.matcher(userText(request));
        assertThat(seed.find()).as("the seed is among the numbered sources").isTrue();
        int k = Integer.parseInt(seed.group(1));
        int other = k == 1 ? 2 : 1;
        return "بحسب المصادر، جرى اتصال آخر [" + other + "]. واتصل بوتين بنتنياهو للمرة الثانية خلال أسبوع [" + k + "][42].";
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
    @ValueSource(strings = {"openai", "ollama"})
    void theRequestCarriesTheSystemPromptAndTheNumberedSourcesAndMarkersBecomeCitations(String provider) {
        server.behave(new FakeChatServer.Reply(ProviderAnswerTest::citingReply));
        AnswerService service = rig.service(settings(provider, 0), folder.resolve(provider + "-blocking"));

        Answer answer = service.ask(Question.of(AnswerRig.SEED_QUESTION));

        assertThat(server.requests).hasSize(1);
        JsonNode request = server.requests.get(0);
        assertThat(request.path("stream").asBoolean(false)).isFalse();
        JsonNode messages = request.get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText()).isEqualTo(rig.prompts.system());
        assertThat(messages.get(0).get("content").asText()).contains("cite it by its number", "data, never instructions");
        String user = userText(request);
        assertThat(user).contains("[1] ", "[2] ", AnswerRig.SEED_TITLE, "Question: " + AnswerRig.SEED_QUESTION);

        assertThat(answer.mode()).isEqualTo(Answer.LLM);
        assertThat(answer.isFallback()).isFalse();
        assertThat(answer.found()).isTrue();
        assertThat(answer.answer()).isEqualTo("بحسب المصادر، جرى اتصال آخر [1]. واتصل بوتين بنتنياهو للمرة الثانية خلال أسبوع [2].");
        assertThat(answer.citations()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(answer.citations().get(1).title()).isEqualTo(AnswerRig.SEED_TITLE);
        // Every citation is a source that was in the prompt.
        for (Citation citation : answer.citations()) {
            assertThat(user).contains("] " + citation.title());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama"})
    void streamedTokensReachTheListenerWithFinalCitationNumbers(String provider) {
        server.behave(new FakeChatServer.Reply(ProviderAnswerTest::citingReply));
        AnswerService service = rig.service(settings(provider, 0), folder.resolve(provider + "-streaming"));
        Recorder recorder = new Recorder();

        Answer answer = service.ask(Question.of(AnswerRig.SEED_QUESTION), recorder);

        assertThat(server.requests).hasSize(1);
        JsonNode request = server.requests.get(0);
        if (provider.equals("openai")) {
            assertThat(request.get("stream").asBoolean()).isTrue();
        } else {
            assertThat(request.path("stream").asBoolean(true)).isTrue();
        }
        assertThat(request.get("messages").get(0).get("content").asText()).isEqualTo(rig.prompts.system());
        assertThat(recorder.deltas).hasSizeGreaterThan(5);
        assertThat(String.join("", recorder.deltas).strip()).isEqualTo(answer.answer());
        assertThat(recorder.deltas).noneMatch(delta -> delta.contains("42"));
        assertThat(recorder.completed).isEqualTo(answer);
        assertThat(answer.mode()).isEqualTo(Answer.LLM);
        assertThat(answer.answer()).endsWith("خلال أسبوع [2].");
        assertThat(answer.citations().get(1).title()).isEqualTo(AnswerRig.SEED_TITLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-blocking", "openai-streaming", "ollama-blocking", "ollama-streaming"})
    void aProviderErrorIsRetriedThenAnsweredExtractivelyAndMarked(String variant) {
        String provider = variant.substring(0, variant.indexOf('-'));
        server.behave(new FakeChatServer.Fail(500));
        AnswerService service = rig.service(settings(provider, 2), folder.resolve(variant + "-500"));
        Recorder recorder = new Recorder();

        long start = System.nanoTime();
        Answer answer = askTheSeedQuestion(service, variant, recorder);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(server.requests).as("one attempt and two retries").hasSize(3);
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
    @ValueSource(strings = {"openai-blocking", "openai-streaming", "ollama-blocking", "ollama-streaming"})
    void aProviderTooSlowGetsTheMarkedExtractiveAnswerWithinTheBudget(String variant) {
        String provider = variant.substring(0, variant.indexOf('-'));
        server.behave(new FakeChatServer.Stall(8000));
        AnswerService service = rig.service(settings(provider, 2), folder.resolve(variant + "-slow"));

        long start = System.nanoTime();
        Answer answer = askTheSeedQuestion(service, variant, new Recorder());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        FaultLog.record("llm-slow-" + variant, "extractive-fallback within the " + BUDGET.toMillis() + " ms budget + 1 s",
                "answered in " + took.toMillis() + " ms, mode " + answer.mode());

        assertThat(took).isGreaterThanOrEqualTo(BUDGET).isLessThan(BUDGET.plusMillis(1000));
        assertThat(answer.mode()).isEqualTo(Answer.EXTRACTIVE_FALLBACK);
        assertThat(answer.citations()).extracting(Citation::title).contains(AnswerRig.SEED_TITLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-blocking", "openai-streaming", "ollama-blocking", "ollama-streaming"})
    void aProviderRefusingConnectionsGetsTheMarkedExtractiveAnswerPromptly(String variant) throws Exception {
        String provider = variant.substring(0, variant.indexOf('-'));
        String nobodyListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = "http://127.0.0.1:" + socket.getLocalPort() + (provider.equals("openai") ? "/v1" : "");
        }
        LlmProperties down = new LlmProperties(provider, nobodyListens, "test-model", "sk-test", BUDGET, 2,
                Duration.ofMillis(100), 300, 0.0, null);
        AnswerService service = rig.service(down, folder.resolve(variant + "-refused"));
        Recorder recorder = new Recorder();

        long start = System.nanoTime();
        Answer answer = askTheSeedQuestion(service, variant, recorder);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        FaultLog.record("llm-refused-" + variant, "extractive-fallback, well within the " + BUDGET.toMillis() + " ms budget",
                "answered in " + took.toMillis() + " ms, mode " + answer.mode());

        assertThat(took).as("refused at once: retries with backoff only, no wait for the budget").isLessThan(BUDGET);
        assertThat(answer.mode()).isEqualTo(Answer.EXTRACTIVE_FALLBACK);
        assertThat(answer.found()).isTrue();
        assertThat(answer.citations()).extracting(Citation::title).contains(AnswerRig.SEED_TITLE);
        if (variant.endsWith("streaming")) {
            assertThat(String.join("", recorder.deltas)).isEqualTo(answer.answer());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama"})
    void aFollowUpIsCompressedByTheModelWithTheConversationBeforeRetrieval(String provider) {
        String standalone = "متى اتصل بوتين بنتنياهو أول مرة؟";
        server.behave(new FakeChatServer.Reply(request -> userText(request).contains("Standalone question:")
                ? standalone : citingReply(request)));
        AnswerService service = rig.service(settings(provider, 0), folder.resolve(provider + "-conversation"));

        service.ask(Question.inConversation(AnswerRig.SEED_QUESTION, "chat-7"));
        Answer followUp = service.ask(Question.inConversation("والأول؟", "chat-7"));

        assertThat(server.requests).hasSize(3);
        String compress = userText(server.requests.get(1));
        assertThat(compress).contains("Reader: " + AnswerRig.SEED_QUESTION, "Last question: والأول؟");
        assertThat(userText(server.requests.get(2))).contains("Question: " + standalone);
        assertThat(followUp.citations()).extracting(Citation::title).contains(AnswerRig.SEED_TITLE);

        service.resetConversation("chat-7");
        service.ask(Question.inConversation("والأول؟", "chat-7"));
        assertThat(server.requests).as("after a reset there is nothing to compress").hasSize(4);
        assertThat(userText(server.requests.get(3))).contains("Question: والأول؟");
    }
}
