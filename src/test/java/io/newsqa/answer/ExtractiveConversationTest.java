package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.answer.conversation.FileChatMemoryStore;
import io.newsqa.answer.conversation.FollowUps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Follow-ups without a language model carry the previous question's key terms; a reset forgets them. */
class ExtractiveConversationTest extends OverSampleArchive {

    @Test
    void aFollowUpWithoutAModelCarriesThePreviousQuestionsTermsUntilReset() {
        FileChatMemoryStore memory = new FileChatMemoryStore(folder.resolve("conversations"));
        AnswerService service = rig.service(memory);
        Recorder stream = new Recorder();

        service.ask(Question.inConversation(AnswerRig.SEED_QUESTION, "chat-1"));
        // "What about the second one?" (not "والثاني؟": the Snowball stemmer makes "والث" of it)
        Answer followUp = service.ask(Question.inConversation("ماذا عن الثاني؟", "chat-1"), stream);

        assertThat(FollowUps.lastQuestion(memory.getMessages("chat-1")))
                .isEqualTo("ماذا عن الثاني؟ اتصل بوتين بنتنياهو مرتين");
        assertThat(followUp.answer()).contains("الثاني");

        assertThat(followUp.found()).isTrue();
        assertThat(followUp.citations().get(0).title()).isEqualTo(AnswerRig.SEED_TITLE);
        assertThat(stream.deltas).as("streamed sentence by sentence").hasSizeGreaterThanOrEqualTo(1);
        assertThat(String.join("", stream.deltas)).isEqualTo(followUp.answer());
        assertThat(stream.deltas).allMatch(delta -> delta.strip().matches("(?s).*\\[\\d+]"));

        service.resetConversation("chat-1");
        assertThat(memory.getMessages("chat-1")).isEmpty();
        service.ask(Question.inConversation("ماذا عن الثاني؟", "chat-1"));
        assertThat(FollowUps.lastQuestion(memory.getMessages("chat-1")))
                .as("nothing left to carry")
                .isEqualTo("ماذا عن الثاني؟");
    }

    /**
     * Two turns about the sample archive's tram article: the follow-up ("how much is a ticket?")
     * must be answered by its own terms (the ticket's price), not by the carried ones (the opening
     * date again), and from the tram article, not the museum's ticket prices.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | When does the tram line open? | 3 June 2025            | How much is a ticket? | two riyals
            ar | متى يبدأ تشغيل خط الترام؟     | الثالث من يونيو 2025 | وكم قيمة التذكرة؟     | ريالين
            """)
    void aFollowUpIsAnsweredByItsOwnTermsWithTheCarriedOnesOnlyRankingTheCandidates(
            String language, String question, String opening, String followUp, String price) {
        AnswerService service = rig.service(new FileChatMemoryStore(folder.resolve("follow-up-" + language)));

        Answer first = service.ask(Question.inConversation(question, language));
        Answer second = service.ask(Question.inConversation(followUp, language));

        assertThat(first.answer()).contains(opening);
        assertThat(second.found()).isTrue();
        assertThat(second.answer())
                .as("the ticket's price, not the opening date again")
                .contains(price)
                .doesNotContain(opening);
        assertThat(second.citations())
                .extracting(Citation::url)
                .containsExactly("https://example.org/sample/" + language + "/tram-line-opens");
    }

    private static final class Recorder implements AnswerStream {
        final List<String> deltas = new ArrayList<>();

        @Override
        public void onDelta(String text) {
            deltas.add(text);
        }

        @Override
        public void onComplete(Answer answer) {}
    }
}
