package io.newsqa.answer.conversation;

import com.zaxxer.hikari.HikariDataSource;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.newsqa.archive.postgres.PgVectorArchive;
import io.newsqa.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL store, in a fresh schema migrated by the archive (V1 + V2). */
class JdbcChatMemoryStoreTest extends ChatMemoryStoreContract {

    private static final String SCHEMA = TestDatabase.freshSchemaName("conversations_test");
    private static HikariDataSource dataSource;
    private static PgVectorArchive archive;

    @BeforeAll
    static void migrate() throws Exception {
        dataSource = TestDatabase.pool("conversations-test", 2);
        archive = PgVectorArchive.open(dataSource, false, "all-minilm-l6-v2-q", 384, SCHEMA);
    }

    @AfterAll
    static void drop() {
        archive.close();
        dataSource.close();
        TestDatabase.dropSchema(SCHEMA);
    }

    @Override
    ChatMemoryStore store() {
        return new JdbcChatMemoryStore(dataSource, SCHEMA);
    }
}
