package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.answer.conversation.Conversations;
import io.newsqa.answer.conversation.FileChatMemoryStore;
import io.newsqa.answer.llm.ChatProviders;
import io.newsqa.answer.llm.LlmAnswerer;
import io.newsqa.answer.llm.LlmProperties;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.support.FakeProviderServer;
import io.newsqa.support.FakeProviderServer.Reply;
import io.newsqa.support.FakeProviderServer.Request;
import io.newsqa.translate.CrossLingualRanking;
import io.newsqa.translate.DictionaryQueryTranslator;
import io.newsqa.translate.DictionaryTranslators;
import io.newsqa.translate.QuestionTranslation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An English question over the Arabic seed article: with a language model (the real OpenAI
 * client against a server in the test speaking its wire protocol) the model is asked to answer in
 * English from the Arabic source; without one, or when it fails, the extractive answer frames the
 * Arabic quote for an English reader.
 */
class ForeignSourceAnswerTest {

    private static final String QUESTION = "Why did Putin call Netanyahu twice?";
    private static final Pattern SEED_NUMBER = Pattern.compile("\\[(\\d+)] " + Pattern.quote(AnswerRig.SEED_TITLE));

    @TempDir
    static Path folder;

    static AnswerRig rig;
    static FakeProviderServer server;
    static HybridSearch search;
    static ExtractiveAnswerer extractive;

    @BeforeAll
    static void start() {
        rig = new AnswerRig(folder);
        server = FakeProviderServer.start();
        List<DictionaryQueryTranslator> translators = DictionaryTranslators.load(
                Path.of("/usr/share/dictd"), Path.of("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo"), 4);
        assertThat(translators)
                .as("FreeDict eng-ara and ara-eng installed (scripts/provision-dictionaries.sh)")
                .hasSize(2);
        Map<String, FusionWeights> weights =
                Map.of("ar", new FusionWeights(0.0, 1.0, 60), "en", new FusionWeights(0.3, 1.0, 60));
        search = new HybridSearch(
                rig.archive,
                rig.embeddings,
                HybridSearch.Settings.of(weights::get, 2),
                new CrossLingualRanking(rig.archive, translators, 1.0),
                QuestionTime.off());
        extractive = new ExtractiveAnswerer(
                new SentenceEmbedder(rig.embeddings),
                new ExtractiveSettings(
                        Map.of("ar", 0.5, "en", 1.0, "default", 0.5),
                        Map.of("ar", 0.0, "en", 1.0, "default", 0.0),
                        3,
                        700),
                new QuestionTranslation(translators));
    }

    @AfterAll
    static void stop() {
        server.close();
        rig.close();
    }

    private static AnswerService service(LlmAnswerer llm, String name) {
        return new AnswerService(
                search,
                6,
                extractive,
                rig.prompts,
                llm,
                new Conversations(new FileChatMemoryStore(folder.resolve(name)), 10));
    }

    private static LlmAnswerer openAi() {
        LlmProperties settings = new LlmProperties(
                "openai",
                server.openAiBaseUrl(),
                "test-model",
                "sk-test",
                Duration.ofMillis(2500),
                0,
                Duration.ofMillis(100),
                300,
                0.0,
                null);
        return new LlmAnswerer(
                ChatProviders.build(settings), settings.timeout(), settings.maxRetries(), settings.retryBackoff());
    }

    @Test
    void theModelIsAskedToAnswerInEnglishFromTheArabicSourceAndItsEnglishAnswerIsCited() {
        server.clearRequests();
        server.reply(request -> {
            Matcher seed = SEED_NUMBER.matcher(request.userText());
            assertThat(seed.find())
                    .as("the Arabic seed is among the numbered sources")
                    .isTrue();
            return Reply.text("Putin called Netanyahu for the second time in a week [" + seed.group(1) + "].");
        });

        Answer answer = service(openAi(), "llm").ask(Question.of(QUESTION));

        Request request = server.lastRequest();
        assertThat(request.systemText())
                .contains(
                        "Reply in the language of the question, whatever the language of the sources",
                        "Arabic sources for an English question",
                        "translate what\n   you use from them");
        assertThat(request.userText()).contains(AnswerRig.SEED_TITLE, "Question: " + QUESTION);
        assertThat(answer.mode()).isEqualTo(Answer.LLM);
        assertThat(answer.answer()).isEqualTo("Putin called Netanyahu for the second time in a week [1].");
        assertThat(answer.citations())
                .singleElement()
                .satisfies(citation -> assertThat(citation.title()).isEqualTo(AnswerRig.SEED_TITLE));
    }

    @Test
    void withoutAModelTheArabicQuoteIsFramedForTheEnglishReader() {
        Answer answer = service(null, "extractive").ask(Question.of(QUESTION));

        assertThat(answer.found()).isTrue();
        assertThat(answer.answer()).startsWith("An Arabic report").contains(" says: «", "» [1]");
        assertThat(answer.answer())
                .as("the sentence that says why, with the one its \"this call\" refers to")
                .contains("ويعد هذا الاتصال الثاني بين بوتين ونتنياهو", "Names in it: ");
        assertThat(answer.citations().get(0).title()).isEqualTo(AnswerRig.SEED_TITLE);
    }

    @Test
    void whenTheModelFailsTheFallbackIsFramedToo() {
        server.clearRequests();
        server.reply(Reply.status(500));

        Answer answer = service(openAi(), "fallback").ask(Question.of(QUESTION));

        assertThat(answer.mode()).isEqualTo(Answer.EXTRACTIVE_FALLBACK);
        assertThat(answer.answer()).startsWith("An Arabic report").contains("» [1]");
    }
}
