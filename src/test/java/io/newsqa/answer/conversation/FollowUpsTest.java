package io.newsqa.answer.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A question is a follow-up by what it lacks (a subject of its own), not by the word it opens with. */
class FollowUpsTest {

    private static final List<ChatMessage> TRAM = List.of(
            UserMessage.from("متى يبدأ تشغيل خط الترام في وادي النخيل؟"),
            AiMessage.from("في الثالث من يونيو 2025 [1]"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ولماذا تأخر؟",
                "وماذا عن المتحف؟",
                "ماذا عن الثاني؟",
                "وكم قيمة التذكرة؟",
                "ولماذا؟",
                "فمتى؟",
                "and why?",
                "And why was it delayed?",
                "what about the museum?",
                "How about the museum?",
                "How many stops does it have?",
                "What did she say?",
                "How much is a ticket?",
                "What was the score?",
                "Why?",
                "كم قيمة التذكرة؟",
                "Is entry free?",
                // Two words and no name: read with the conversation, their own words still deciding the answer
                "When did the museum reopen?",
                // No capitals in Arabic: two words could be a name and cannot be told from an elliptic question
                "ما هي عاصمة أستراليا؟"
            })
    void ellipticAndAnaphoricQuestionsAreFollowUps(String question) {
        assertThat(FollowUps.isFollowUp(question)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Every question word the old first-word rule took for a continuation
                "من فاز بكأس العالم 2022؟",
                "هل افتتح متحف وادي النخيل؟",
                "لماذا اتصل بوتين بنتنياهو مرتين؟",
                "متى يبدأ تشغيل خط الترام؟",
                "كيف تعمل محطة التحلية الجديدة؟",
                "أين يقع معرض الكتاب؟",
                "من هو المتحدث باسم الكرملين؟",
                "وزير الخارجية يزور القاهرة",
                "كم عدد ضحايا غرق المركب في النيل؟",
                "Who won the 2022 World Cup?",
                "Who is the mayor of Palm Valley?",
                "When did the Palm Valley Museum reopen?",
                "Who is Putin?",
                "What is the capital of Australia?",
                "Is entry free at the museum?",
                "Andrew Smith won what?"
            })
    void questionsNamingTheirOwnSubjectStandAlone(String question) {
        assertThat(FollowUps.isFollowUp(question)).isFalse();
        assertThat(FollowUps.resolve(question, TRAM).carried()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aFollowUpCarriesThePreviousQuestionsContentWordsItLacks() {
        FollowUps.Resolved resolved = FollowUps.resolve("ولماذا تأخر؟", TRAM);

        assertThat(resolved.own()).isEqualTo("ولماذا تأخر؟");
        assertThat(resolved.carried()).contains("الترام").doesNotContain("متى");
        assertThat(FollowUps.resolve("ولماذا تأخر؟", List.of()).carried())
                .as("nothing to lean on")
                .isEmpty();
    }
}
