package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.answer.llm.ChatProviders;
import io.newsqa.answer.llm.LlmProperties;
import io.newsqa.answer.llm.Prompts;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.LexicalRanking;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.support.FakeProviderServer;
import io.newsqa.support.FakeProviderServer.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query translation by a language model, through the real LangChain4j OpenAI client against an
 * HTTP server started here that speaks the chat-completions protocol ({@link FakeProviderServer}).
 */
class LlmQueryTranslationTest {

    private static final String QUESTION = "Which city did the earthquake destroy?";
    private static final Prompts PROMPTS = Prompts.load(null);

    @TempDir
    Path dir;

    private LuceneArchive archive;
    private FakeProviderServer server;

    @BeforeEach
    void setUp() throws IOException {
        archive = LuceneArchive.open(dir, "none", 2);
        put("quake", "دمر الزلزال مدينة أكادير المغربية عام 1960");
        put("budget", "أقر مجلس الوزراء الميزانية العامة للدولة");
        put("match", "فاز الفريق بالمباراة النهائية في الملعب");
        server = FakeProviderServer.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
        archive.close();
    }

    private void put(String id, String text) {
        archive.put(
                new Article(id, null, id, null, null, "ar", "hash-" + id, text),
                List.of(new Chunk(id, 0, text, new float[] {1, 1})));
    }

    private LlmQueryTranslator translator(Duration timeout) {
        LlmProperties llm = new LlmProperties(
                "openai",
                server.openAiBaseUrl(),
                "test-model",
                null,
                Duration.ofSeconds(10),
                0,
                Duration.ofMillis(10),
                100,
                0.0,
                null);
        return new LlmQueryTranslator(
                ChatProviders.build(llm).blocking(),
                (question, targets) -> PROMPTS.fill(
                        PROMPTS.translateQuery(),
                        Map.of("languages", String.join(", ", targets), "question", question)),
                timeout);
    }

    private List<List<ChunkHit>> rankings(
            List<DictionaryQueryTranslator> dictionaries, LlmQueryTranslator llm, LlmTranslationMode mode) {
        return new CrossLingualRanking(archive, dictionaries, 2.0, Duration.ofMinutes(10), llm, mode)
                .rankings(QUESTION, "en", 10, SearchFilter.none()).stream()
                        .map(LexicalRanking::chunks)
                        .toList();
    }

    @Test
    void theModelIsAskedWithTheTranslationPromptAndItsTranslationIsSearchedAsARankingOfItsOwn() {
        server.reply(Reply.text("ar: أي مدينة دمرها الزلزال؟"));
        try (LlmQueryTranslator llm = translator(Duration.ofSeconds(5))) {
            List<List<ChunkHit>> rankings = rankings(List.of(), llm, LlmTranslationMode.IN_ADDITION);

            assertThat(rankings).hasSize(1);
            assertThat(rankings.get(0).get(0).article().id()).isEqualTo("quake");
        }
        assertThat(server.requests()).hasSize(1);
        String prompt = server.requests()
                .get(0)
                .body()
                .path("messages")
                .get(0)
                .path("content")
                .asText();
        assertThat(prompt)
                .startsWith("Translate the search question below into each of these languages: ar.")
                .endsWith("Question: " + QUESTION);
        assertThat(server.requests().get(0).body().path("model").asText()).isEqualTo("test-model");
    }

    @Test
    void inAdditionFusesTheModelsRankingWithTheDictionarysAndInsteadReplacesIt() {
        server.reply(Reply.text("ar: أي مدينة دمرها الزلزال؟"));
        List<DictionaryQueryTranslator> dictionaries = InstalledDictionaries.translators();
        List<List<ChunkHit>> dictionaryOnly =
                rankings(dictionaries, LlmQueryTranslator.off(), LlmTranslationMode.IN_ADDITION);
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
        List<List<String>> dictionaryOnly =
                rankings(dictionaries, LlmQueryTranslator.off(), LlmTranslationMode.INSTEAD).stream()
                        .map(this::keys)
                        .toList();
        assertThat(dictionaryOnly).hasSize(1);
        try (LlmQueryTranslator llm = translator(Duration.ofSeconds(30))) {
            server.reply(Reply.status(500));
            assertThat(rankings(dictionaries, llm, LlmTranslationMode.INSTEAD))
                    .extracting(this::keys)
                    .isEqualTo(dictionaryOnly);

            server.reply(Reply.text("Sorry, I cannot help with that."));
            assertThat(rankings(dictionaries, llm, LlmTranslationMode.INSTEAD))
                    .extracting(this::keys)
                    .isEqualTo(dictionaryOnly);
        }
        assertThat(server.requests()).hasSize(2);

        server.reply(Reply.of().pause(8000).say("ar: متأخر"));
        try (LlmQueryTranslator llm = translator(Duration.ofSeconds(1))) {
            long start = System.nanoTime();
            assertThat(rankings(dictionaries, llm, LlmTranslationMode.INSTEAD))
                    .extracting(this::keys)
                    .isEqualTo(dictionaryOnly);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void readsOneLinePerAskedLanguageAndNothingElse() {
        assertThat(LlmQueryTranslator.parse(
                        "Here you go:\n**ar**: زلزال أكادير\nfr: séisme\nen: Agadir earthquake\nar: ثانية",
                        List.of("ar", "en")))
                .containsExactly(Map.entry("ar", "زلزال أكادير"), Map.entry("en", "Agadir earthquake"));
        assertThat(LlmQueryTranslator.parse("ar:", List.of("ar"))).isEmpty();
        assertThat(LlmQueryTranslator.parse(null, List.of("ar"))).isEmpty();
    }

    private List<String> keys(List<ChunkHit> ranking) {
        return ranking.stream().map(ChunkHit::key).toList();
    }
}
