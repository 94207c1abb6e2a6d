package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.answer.conversation.FileChatMemoryStore;
import io.newsqa.answer.conversation.FollowUps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-ups without a language model carry the previous question's key terms; a reset forgets them. */
class ExtractiveConversationTest {

    @TempDir
    static Path folder;
    static AnswerRig rig;

    @BeforeAll
    static void archive() {
        rig = new AnswerRig(folder);
    }

    @AfterAll
    static void close() {
        rig.close();
    }

    @Test
    void aFollowUpWithoutAModelCarriesThePreviousQuestionsTermsUntilReset() {
        FileChatMemoryStore memory = new FileChatMemoryStore(folder.resolve("conversations"));
        AnswerService service = rig.service(memory);
        Recorder stream = new Recorder();

        service.ask(Question.inConversation(AnswerRig.SEED_QUESTION, "chat-1"));
        // "What about the second one?" (not "والثاني؟": the Snowball stemmer makes "والث" of it)
        Answer followUp = service.ask(Question.inConversation("ماذا عن الثاني؟", "chat-1"), stream);

        assertThat(FollowUps.lastQuestion(memory.getMessages("chat-1"))).isEqualTo("ماذا عن الثاني؟ اتصل بوتين بنتنياهو مرتين");
        assertThat(followUp.answer()).contains("الثاني");

        assertThat(followUp.found()).isTrue();
        assertThat(followUp.citations().get(0).title()).isEqualTo(AnswerRig.SEED_TITLE);
        assertThat(stream.deltas).as("streamed sentence by sentence").hasSizeGreaterThanOrEqualTo(1);
        assertThat(String.join("", stream.deltas)).isEqualTo(followUp.answer());
        assertThat(stream.deltas).allMatch(delta -> delta.strip().matches("(?s).*\\[\\d+]"));

        service.resetConversation("chat-1");
        assertThat(memory.getMessages("chat-1")).isEmpty();
        service.ask(Question.inConversation("ماذا عن الثاني؟", "chat-1"));
        assertThat(FollowUps.lastQuestion(memory.getMessages("chat-1"))).as("nothing left to carry").isEqualTo("ماذا عن الثاني؟");
    }

    @Test
    void anEnglishFollowUpIsAnsweredByItsOwnTermsWithTheCarriedOnesOnlyRankingTheCandidates() {
        AnswerService service = rig.service(new FileChatMemoryStore(folder.resolve("english")));

        Answer first = service.ask(Question.inConversation("When does the tram line open?", "en-1"));
        Answer second = service.ask(Question.inConversation("How much is a ticket?", "en-1"));

        assertThat(first.answer()).contains("3 June 2025");
        assertThat(second.found()).isTrue();
        assertThat(second.answer()).as("the ticket's price, not the opening date again").contains("two riyals")
                .doesNotContain("3 June 2025");
        assertThat(second.citations()).extracting(Citation::url).containsExactly("https://example.org/sample/en/tram-line-opens");
    }

    @Test
    void anArabicFollowUpIsAnsweredByItsOwnTermsWithTheCarriedOnesOnlyRankingTheCandidates() {
        AnswerService service = rig.service(new FileChatMemoryStore(folder.resolve("arabic")));

        Answer first = service.ask(Question.inConversation("متى يبدأ تشغيل خط الترام؟", "ar-1"));
        // "And how much is the ticket?"
        Answer second = service.ask(Question.inConversation("وكم قيمة التذكرة؟", "ar-1"));

        assertThat(first.answer()).contains("الثالث من يونيو 2025");
        assertThat(second.found()).isTrue();
        assertThat(second.answer()).as("the ticket's price, not the opening date again").contains("ريالين")
                .doesNotContain("الثالث من يونيو");
        assertThat(second.citations()).extracting(Citation::url).containsExactly("https://example.org/sample/ar/tram-line-opens");
    }

    private static final class Recorder implements AnswerStream {
        final List<String> deltas = new ArrayList<>();

        @Override
        public void onDelta(String text) {
            deltas.add(text);
        }

        @Override
        public void onComplete(Answer answer) {
        }
    }
}
