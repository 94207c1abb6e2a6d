package io.newsqa.answer.conversation;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;

/**
 * The memory of each conversation: the standalone form of every question and the answer given,
 * the last {@code maxMessages} of them, kept in a LangChain4j {@link ChatMemoryStore} (PostgreSQL
 * or files, see the configuration) so that a restart does not forget them.
 */
public final class Conversations {

    private final ChatMemoryStore store;
    private final int maxMessages;

    public Conversations(ChatMemoryStore store, int maxMessages) {
        if (maxMessages < 2) {
            throw new IllegalArgumentException(
                    "newsqa.conversation.max-messages must be at least 2 (one question and its answer)");
        }
        this.store = store;
        this.maxMessages = maxMessages;
    }

    /** The conversation so far, oldest first; empty for a new or a reset one. */
    public List<ChatMessage> history(String conversationId) {
        return memory(conversationId).messages();
    }

    public void record(String conversationId, String standaloneQuestion, String answer) {
        ChatMemory memory = memory(conversationId);
        memory.add(UserMessage.from(standaloneQuestion));
        memory.add(AiMessage.from(answer));
    }

    public void reset(String conversationId) {
        memory(conversationId).clear();
    }

    private ChatMemory memory(String conversationId) {
        return MessageWindowChatMemory.builder()
                .id(conversationId)
                .maxMessages(maxMessages)
                .chatMemoryStore(store)
                .build();
    }
}
