package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsqa.answer.chain.Prompts;
import io.newsqa.answer.llm.ChatProviders;
import io.newsqa.answer.llm.LlmProperties;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.lucene.LuceneArchive;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query translation by a language model, through the real LangChain4j OpenAI client against an
 * HTTP server started here that speaks the chat-completions protocol (non-streaming).
 */
class LlmQueryTranslationTest {

    private static final String QUESTION = "Which city did the earthquake destroy?";
    private static final Prompts PROMPTS = Prompts.load(null);

    @TempDir
    Path dir;
    private LuceneArchive archive;
    private ChatCompletions server;

    @BeforeEach
    void setUp() throws IOException {
        archive = LuceneArchive.open(dir, "none", 2);
        put("quake", "دمر الزلزال مدينة أكادير المغربية عام 1960");
        put("budget", "أقر مجلس الوزراء الميزانية العامة للدولة");
        put("match", "فاز الفريق بالمباراة النهائية في الملعب");
        server = new ChatCompletions();
    }

    @AfterEach
    void tearDown() {
        server.close();
        archive.close();
    }

    private void put(String id, String text) {
        archive.put(new Article(id, null, id, null, null, "ar", "hash-" + id, text), List.of(new Chunk(id, 0, text, new float[] {1, 1})));
    }

    private LlmQueryTranslator translator(Duration timeout) {
        LlmProperties llm = new LlmProperties("openai", server.baseUrl(), "test-model", null, Duration.ofSeconds(10), 0,
                Duration.ofMillis(10), 100, 0.0, null);
        return new LlmQueryTranslator(ChatProviders.build(llm).blocking(), (question, targets) -> PROMPTS.fill(
                PROMPTS.translateQuery(), Map.of("languages", String.join(", ", targets), "question", question)), timeout);
    }

    private List<List<ChunkHit>> rankings(List<DictionaryQueryTranslator> dictionaries, LlmQueryTranslator llm,
                                          LlmTranslationMode mode) {
        return new CrossLingualRanking(archive, dictionaries, 2.0, Duration.ofMinutes(10), llm, mode)
                .rankings(QUESTION, "en", 10, SearchFilter.none());
    }

    @Test
    void theModelIsAskedWithTheTranslationPromptAndItsTranslationIsSearchedAsARankingOfItsOwn() {
        server.reply = "ar: أي مدينة دمرها الزلزال؟";
        try (LlmQueryTranslator llm = translator(Duration.ofSeconds(5))) {
            List<List<ChunkHit>> rankings = rankings(List.of(), llm, LlmTranslationMode.IN_ADDITION);

            assertThat(rankings).hasSize(1);
            assertThat(rankings.get(0).get(0).article().id()).isEqualTo("quake");
        }
        assertThat(server.requests).hasSize(1);
        String prompt = server.requests.get(0).path("messages").get(0).path("content").asText();
        assertThat(prompt).startsWith("Translate the search question below into each of these languages: ar.")
                .endsWith("Question: " + QUESTION);
        assertThat(server.requests.get(0).path("model").asText()).isEqualTo("test-model");
    }

    @Test
    void inAdditionFusesTheModelsRankingWithTheDictionarysAndInsteadReplacesIt() {
        server.reply = "ar: أي مدينة دمرها الزلزال؟";
        List<DictionaryQueryTranslator> dictionaries = InstalledDictionaries.translators();
        List<List<ChunkHit>> dictionaryOnly = rankings(dictionaries, LlmQueryTranslator.off(), LlmTranslationMode.IN_ADDITION);
        try (LlmQueryTranslator llm = translator(Duration.ofSeconds(5))) {
            List<List<ChunkHit>> both = rankings(dictionaries, llm, LlmTranslationMode.IN_ADDITION);
            List<List<ChunkHit>> instead = rankings(dictionaries, llm, LlmTranslationMode.INSTEAD);

            assertThat(dictionaryOnly).hasSize(1);
            assertThat(both).hasSize(2);
            assertThat(keys(both.get(0))).isEqualTo(keys(dictionaryOnly.get(0)));
            assertThat(instead).hasSize(1);
            assertThat(keys(instead.get(0))).isEqualTo(keys(both.get(1)));
        }
    }

    @Test
    void aFailingOrSlowModelLeavesTheDictionaryTranslationAlone() {
        List<DictionaryQueryTranslator> dictionaries = InstalledDictionaries.translators();
        List<List<String>> dictionaryOnly = rankings(dictionaries, LlmQueryTranslator.off(), LlmTranslationMode.INSTEAD)
                .stream().map(this::keys).toList();
        assertThat(dictionaryOnly).hasSize(1);
        try (LlmQueryTranslator llm = translator(Duration.ofSeconds(30))) {
            server.status = 500;
            assertThat(rankings(dictionaries, llm, LlmTranslationMode.INSTEAD)).extracting(this::keys).isEqualTo(dictionaryOnly);

            server.status = 200;
            server.reply = "Sorry, I cannot help with that.";
            assertThat(rankings(dictionaries, llm, LlmTranslationMode.INSTEAD)).extracting(this::keys).isEqualTo(dictionaryOnly);
        }
        assertThat(server.requests).hasSize(2);

        server.delayMillis = 8000;
        try (LlmQueryTranslator llm = translator(Duration.ofSeconds(1))) {
            long start = System.nanoTime();
            assertThat(rankings(dictionaries, llm, LlmTranslationMode.INSTEAD)).extracting(this::keys).isEqualTo(dictionaryOnly);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void readsOneLinePerAskedLanguageAndNothingElse() {
        assertThat(LlmQueryTranslator.parse("Here you go:\n**ar**: زلزال أكادير\nfr: séisme\nen: Agadir earthquake\nar: ثانية",
                List.of("ar", "en"))).containsExactly(Map.entry("ar", "زلزال أكادير"), Map.entry("en", "Agadir earthquake"));
        assertThat(LlmQueryTranslator.parse("ar:", List.of("ar"))).isEmpty();
        assertThat(LlmQueryTranslator.parse(null, List.of("ar"))).isEmpty();
    }

    private List<String> keys(List<ChunkHit> ranking) {
        return ranking.stream().map(ChunkHit::key).toList();
    }

    /** Just enough of {@code POST /v1/chat/completions}: records each request, answers with {@link #reply}. */
    private static final class ChatCompletions implements AutoCloseable {

        private static final ObjectMapper JSON = new ObjectMapper();
        final List<JsonNode> requests = new CopyOnWriteArrayList<>();
        volatile String reply = "";
        volatile int status = 200;
        volatile long delayMillis;
        private final HttpServer server;

        ChatCompletions() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/v1/chat/completions", this::handle);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                requests.add(JSON.readTree(exchange.getRequestBody()));
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                String body = status != 200 ? "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"
                        : JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 0,
                                "model", "test-model", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                                        "message", Map.of("role", "assistant", "content", reply))),
                                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 5, "total_tokens", 15)));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
