package io.newsqa.web;

import io.newsqa.support.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AskApiPostgresTest extends AskApiContract {

    private static final String SCHEMA = TestDatabase.freshSchemaName("api");

    @DynamicPropertySource
    static void postgresArchive(DynamicPropertyRegistry registry) throws SQLException {
        TestDatabase.connect().close();
        registry.add("newsqa.db.url", () -> TestDatabase.URL);
        registry.add("newsqa.db.user", () -> TestDatabase.USER);
        registry.add("newsqa.db.password", () -> TestDatabase.PASSWORD);
        registry.add("newsqa.db.schema", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(SCHEMA);
    }
}
