package io.newsqa.answer.conversation;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.newsqa.archive.postgres.ArchiveStorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Conversation memory in PostgreSQL, table {@code conversations} (Flyway migration V2, run with the
 * archive's schema): one row per conversation, the messages as LangChain4j's JSON. Its failures
 * are the archive's storage failing ({@link ArchiveStorageException}), so channels report them as
 * "unavailable, ask again later" like any other database outage.
 */
public final class JdbcChatMemoryStore implements ChatMemoryStore {

    /** The schema name is written into SQL text (identifiers cannot be bound), so it must be harmless. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String table;

    public JdbcChatMemoryStore(DataSource dataSource, String schema) {
        if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("Schema name '" + schema
                    + "' is not usable: use lower-case letters, digits" + " and underscores, e.g. 'public'.");
        }
        this.dataSource = dataSource;
        this.table = '"' + schema + "\".conversations";
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT messages FROM " + table + " WHERE id = ?")) {
            query.setString(1, memoryId.toString());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? ChatMessageDeserializer.messagesFromJson(row.getString(1)) : List.of();
            }
        } catch (SQLException e) {
            throw new ArchiveStorageException("could not read conversation " + memoryId + " from " + table, e);
        }
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table
                        + " (id, messages, updated_at) VALUES (?, ?::jsonb, now())"
                        + " ON CONFLICT (id) DO UPDATE SET messages = EXCLUDED.messages, updated_at = now()")) {
            upsert.setString(1, memoryId.toString());
            upsert.setString(2, ChatMessageSerializer.messagesToJson(messages));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new ArchiveStorageException("could not store conversation " + memoryId + " in " + table, e);
        }
    }

    @Override
    public void deleteMessages(Object memoryId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            delete.setString(1, memoryId.toString());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new ArchiveStorageException("could not delete conversation " + memoryId + " from " + table, e);
        }
    }
}
