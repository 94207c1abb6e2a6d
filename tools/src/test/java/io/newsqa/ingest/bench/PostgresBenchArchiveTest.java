package io.newsqa.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PostgresBenchArchiveTest {

    @Test
    void runsInASchemaOfItsOwnCountsItsBackendsCpuAndDropsTheSchema() throws Exception {
        String schema;
        try (PostgresBenchArchive pg = new PostgresBenchArchive(
                TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD, "bench-test-model", 4)) {
            schema = pg.schema();
            assertThat(schema).startsWith("bench_ingest_");
            assertThat(schemaExists(schema)).isTrue();
            double before = pg.backendCpuSeconds();
            for (int i = 0; i < 200; i++) {
                pg.archive().stats();
            }
            double after = pg.backendCpuSeconds();
            // The server runs on this machine: its backends are found and read, and they only add up.
            assertThat(pg.backendsReadable()).isTrue();
            assertThat(after).isGreaterThanOrEqualTo(before);
            assertThat(after).isPositive();
        }
        assertThat(schemaExists(schema)).isFalse();
    }

    private static boolean schemaExists(String schema) throws Exception {
        try (Connection connection = TestDatabase.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
