package io.newsqa.answer.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every conversation store must do; run once per store by the subclasses. */
abstract class ChatMemoryStoreContract {

    /** A store over the same data as every other store this method returns in one test. */
    abstract ChatMemoryStore store();

    @Test
    void keepsEachConversationApartAndSurvivesANewStoreInstance() {
        List<ChatMessage> chat =
                List.of(UserMessage.from("لماذا اتصل بوتين بنتنياهو مرتين؟"), AiMessage.from("لأن ... [1]"));
        store().updateMessages("telegram:42", chat);
        store().updateMessages("widget:abc", List.of(UserMessage.from("When does the tram open?")));

        assertThat(store().getMessages("telegram:42")).isEqualTo(chat);
        assertThat(store().getMessages("widget:abc")).containsExactly(UserMessage.from("When does the tram open?"));
        assertThat(store().getMessages("never-seen")).isEmpty();
    }

    @Test
    void replacesAndDeletes() {
        store().updateMessages("c", List.of(UserMessage.from("one")));
        store().updateMessages("c", List.of(UserMessage.from("one"), AiMessage.from("two")));
        assertThat(store().getMessages("c")).hasSize(2);

        store().deleteMessages("c");
        store().deleteMessages("c");
        assertThat(store().getMessages("c")).isEmpty();
    }

    @Test
    void conversationsKeepTheLastMessagesAndResetForgets() {
        Conversations conversations = new Conversations(store(), 4);
        for (int i = 1; i <= 3; i++) {
            conversations.record("chat", "question " + i, "answer " + i);
        }
        assertThat(new Conversations(store(), 4).history("chat"))
                .containsExactly(
                        UserMessage.from("question 2"),
                        AiMessage.from("answer 2"),
                        UserMessage.from("question 3"),
                        AiMessage.from("answer 3"));

        conversations.reset("chat");
        assertThat(conversations.history("chat")).isEmpty();
    }

    @Test
    void anyConversationIdIsSafe() {
        String odd = "../../etc/passwd'; DROP TABLE conversations; -- مرحبا";
        store().updateMessages(odd, List.of(UserMessage.from("x")));
        assertThat(store().getMessages(odd)).containsExactly(UserMessage.from("x"));
    }
}
