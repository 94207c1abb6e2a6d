package io.newsqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.newsqa.archive.postgres.PgVectorArchive;
import io.newsqa.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetStoreTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path temp;

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void theFileStoreKeepsTheLastHandledUpdateAcrossInstances() throws Exception {
        Path file = temp.resolve("data").resolve("telegram-offset-1");
        FileOffsetStore first = new FileOffsetStore(file, at(NOW));
        assertThat(first.lastHandled()).isEmpty();

        first.markHandled(41);
        first.markHandled(42);

        assertThat(new FileOffsetStore(file, at(NOW.plusSeconds(60))).lastHandled())
                .isEqualTo(OptionalLong.of(42));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void anOffsetOlderThanTelegramKeepsUpdatesIsIgnored() {
        Path file = temp.resolve("offset");
        new FileOffsetStore(file, at(NOW)).markHandled(42);

        assertThat(new FileOffsetStore(file, at(NOW.plus(Duration.ofHours(23)))).lastHandled())
                .hasValue(42);
        assertThat(new FileOffsetStore(file, at(NOW.plus(Duration.ofHours(25)))).lastHandled())
                .isEmpty();
    }

    @Test
    void anUnreadableOffsetFileStopsTheStartWithWhatToDo() throws Exception {
        Path file = temp.resolve("offset");
        Files.writeString(file, "not a number");

        assertThatThrownBy(() -> new FileOffsetStore(file, at(NOW)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Delete it");
    }

    @Test
    void thePostgresStoreKeepsOneOffsetPerBotInTheArchiveSchema() throws Exception {
        String schema = TestDatabase.freshSchemaName("telegram");
        TestDatabase.connect().close();
        try (HikariDataSource pool = pool()) {
            // The archive's migrations create the offset table.
            PgVectorArchive.open(pool, false, "test-model", 3, schema).close();
            PostgresOffsetStore botA = new PostgresOffsetStore(pool, schema, "111", at(NOW));
            PostgresOffsetStore botB = new PostgresOffsetStore(pool, schema, "222", at(NOW));
            assertThat(botA.lastHandled()).isEmpty();

            botA.markHandled(7);
            botA.markHandled(9);
            botB.markHandled(3);

            assertThat(new PostgresOffsetStore(pool, schema, "111", at(NOW.plusSeconds(5))).lastHandled())
                    .hasValue(9);
            assertThat(botB.lastHandled()).hasValue(3);
            assertThat(new PostgresOffsetStore(pool, schema, "111", at(NOW.plus(Duration.ofDays(2)))).lastHandled())
                    .isEmpty();
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }

    private static HikariDataSource pool() {
        return TestDatabase.pool("telegram-offset-test", 2);
    }
}
