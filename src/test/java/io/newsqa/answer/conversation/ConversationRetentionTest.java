package io.newsqa.answer.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.langchain4j.data.message.UserMessage;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.postgres.PgVectorArchive;
import io.newsqa.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conversations nobody continued for the retention period are deleted, in the embedded set-up's
 * files and in PostgreSQL; newer ones are kept whole.
 */
class ConversationRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void conversationFilesOlderThanTheRetentionAreDeleted(@TempDir Path folder) throws Exception {
        FileChatMemoryStore store = new FileChatMemoryStore(folder);
        store.updateMessages("old", List.of(UserMessage.from("When does the tram line open?")));
        try (Stream<Path> files = Files.list(folder)) {
            Path old = files.findFirst().orElseThrow();
            Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofDays(31))));
        }
        store.updateMessages("recent", List.of(UserMessage.from("And the bus?")));
        Files.setLastModifiedTime(
                Files.writeString(folder.resolve("unrelated.txt"), "kept"), FileTime.from(Instant.EPOCH));

        int deleted =
                new ConversationRetention(Duration.ofDays(30), ConversationRetention.files(folder), CLOCK).sweepNow();

        assertThat(deleted).isEqualTo(1);
        assertThat(store.getMessages("old")).isEmpty();
        assertThat(store.getMessages("recent")).hasSize(1);
        assertThat(folder.resolve("unrelated.txt")).exists();
    }

    @Test
    void conversationRowsOlderThanTheRetentionAreDeleted() throws Exception {
        String schema = TestDatabase.freshSchemaName("retention");
        HikariDataSource pool = TestDatabase.pool("retention-test", 3);
        // The archive's migrations create the conversations table in its schema.
        ArchiveIndex archive = PgVectorArchive.open(pool, true, "test-model", 4, schema);
        try {
            String table = "\"" + schema + "\".conversations";
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO " + table + " (id, messages, updated_at) VALUES"
                        + " ('old', '[]'::jsonb, now() - interval '40 days'), ('recent', '[]'::jsonb, now())");
            }

            int deleted = new ConversationRetention(
                            Duration.ofDays(30), ConversationRetention.table(pool, schema), Clock.systemUTC())
                    .sweepNow();

            assertThat(deleted).isEqualTo(1);
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM " + table)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("recent");
                assertThat(rows.next()).isFalse();
            }
        } finally {
            archive.close();
            TestDatabase.dropSchema(schema);
        }
    }
}
