package io.newsqa.answer.conversation;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Conversation memory for the embedded set-up: one JSON file per conversation (LangChain4j's own
 * message serialisation) in a folder, written to a temporary file and moved into place so that a
 * crash leaves either the old or the new memory, never half of one. File names are the SHA-256 of
 * the conversation id, so any id (a chat number, a session cookie) is a safe name.
 */
public final class FileChatMemoryStore implements ChatMemoryStore {

    /**
     * Locks by conversation (striped), not one for the store: under load every question reads
     * and writes its conversation file, and one lock made all of them wait for each other's disk
     * I/O (32 clients on /api/ask: most request threads blocked here). One conversation's reads
     * and writes still never interleave. 1,024 stripes rather than 64: with 32 request threads, 64
     * stripes put a third of the questions on a stripe another thread held, and on a busy machine
     * a holder may be descheduled mid-write (JFR: thousands of waits over 20 ms in one minute).
     */
    private static final int STRIPES = 1024;

    private final Path folder;
    private final Object[] stripes = new Object[STRIPES];

    public FileChatMemoryStore(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The conversations folder " + folder.toAbsolutePath() + " cannot be created (" + e
                            + "). Make NEWSQA_DATA_DIR writable or set NEWSQA_CONVERSATION_DIR.",
                    e);
        }
        this.folder = folder;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    private Object lockOf(Path file) {
        return stripes[Math.floorMod(file.getFileName().hashCode(), STRIPES)];
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        Path file = file(memoryId);
        synchronized (lockOf(file)) {
            if (!Files.exists(file)) {
                return List.of();
            }
            try {
                return ChatMessageDeserializer.messagesFromJson(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the conversation memory " + file, e);
            }
        }
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        Path file = file(memoryId);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        String json = ChatMessageSerializer.messagesToJson(messages);
        synchronized (lockOf(file)) {
            try {
                Files.writeString(temporary, json, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the conversation memory " + file, e);
            }
        }
    }

    @Override
    public void deleteMessages(Object memoryId) {
        Path file = file(memoryId);
        synchronized (lockOf(file)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the conversation memory " + file, e);
            }
        }
    }

    private Path file(Object memoryId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(memoryId.toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
