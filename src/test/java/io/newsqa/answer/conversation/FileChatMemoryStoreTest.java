package io.newsqa.answer.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChatMemoryStoreTest extends ChatMemoryStoreContract {

    @TempDir
    Path folder;

    @Override
    ChatMemoryStore store() {
        return new FileChatMemoryStore(folder.resolve("conversations"));
    }

    @Test
    void leavesNoTemporaryFilesAndWritesOnlyInsideItsFolder() throws Exception {
        store().updateMessages("../outside", List.of(UserMessage.from("x")));

        try (var files = Files.list(folder.resolve("conversations"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .singleElement()
                    .satisfies(name -> assertThat(name).matches("[0-9a-f]{64}\\.json"));
        }
        assertThat(folder.resolve("outside")).doesNotExist();
    }

    @Test
    void aFolderThatCannotBeCreatedSaysWhatToDo() throws Exception {
        Path file = Files.writeString(folder.resolve("a-file"), "x");
        assertThatThrownBy(() -> new FileChatMemoryStore(file.resolve("conversations")))
                .hasMessageContaining("cannot be created")
                .hasMessageContaining("NEWSQA_CONVERSATION_DIR");
    }
}
