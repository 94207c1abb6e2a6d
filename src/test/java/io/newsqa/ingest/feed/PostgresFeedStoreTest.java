package io.newsqa.ingest.feed;

import com.zaxxer.hikari.HikariDataSource;
import io.newsqa.archive.postgres.PgVectorArchive;
import io.newsqa.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresFeedStoreTest extends FeedStoreContract {

    private String schema;
    private HikariDataSource pool;

    @BeforeEach
    void freshSchema() {
        schema = TestDatabase.freshSchemaName("feeds");
        pool = TestDatabase.pool("feed-store-test", 3);
        // The archive's migrations create the feeds table.
        PgVectorArchive.open(pool, false, "test-model", 3, schema).close();
    }

    @AfterEach
    void dropSchema() {
        pool.close();
        TestDatabase.dropSchema(schema);
    }

    /** A new store object each time: all state is in the database. */
    @Override
    FeedStore store() {
        return new PostgresFeedStore(pool, schema);
    }
}
