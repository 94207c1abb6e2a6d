package io.newsqa.archive.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.archive.postgres.PgVectorArchive;
import io.newsqa.support.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One factory opens either backend from its location, and reads the model an archive records. */
class ArchiveBackendsTest {

    private static final ArchiveModel MODEL = new ArchiveModel("test-model", 4);

    private static HikariDataSource pool;
    private static String schema;

    @TempDir
    Path folder;

    @BeforeAll
    static void database() {
        pool = TestDatabase.pool("archive-backends-test", 2);
        schema = TestDatabase.freshSchemaName("backends");
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
        pool.close();
    }

    @Test
    void aFolderOpensTheEmbeddedArchiveAndRecordsItsModel() {
        ArchiveLocation location = new ArchiveLocation.Folder(folder.resolve("archive"));
        assertThat(ArchiveBackends.recordedModel(location)).isEmpty();

        try (ArchiveIndex archive = ArchiveBackends.open(location, MODEL)) {
            assertThat(archive).isInstanceOf(LuceneArchive.class);
        }

        assertThat(ArchiveBackends.recordedModel(location)).contains(MODEL);
        assertThatThrownBy(() -> ArchiveBackends.open(location, new ArchiveModel("other-model", 4)))
                .hasMessageContaining("other-model");
    }

    @Test
    void aSchemaOpensThePostgresArchiveAndRecordsItsModel() {
        ArchiveLocation location = new ArchiveLocation.Schema(pool, schema);
        assertThat(ArchiveBackends.recordedModel(location)).isEmpty();

        try (ArchiveIndex archive = ArchiveBackends.open(location, MODEL, new ArchiveBackends.Tuning(40, 64))) {
            assertThat(archive).isInstanceOf(PgVectorArchive.class);
        }

        assertThat(ArchiveBackends.recordedModel(location)).contains(MODEL);
        assertThat(pool.isClosed()).as("the caller's pool stays open").isFalse();
        assertThatThrownBy(() -> ArchiveBackends.open(location, new ArchiveModel("other-model", 4)))
                .hasMessageContaining("other-model");
    }

    @Test
    void bothLocationsDescribeThemselvesForMessages() {
        assertThat(new ArchiveLocation.Folder(Path.of("data")).describe()).isEqualTo("the folder data");
        assertThat(new ArchiveLocation.Schema(pool, "news").describe()).isEqualTo("the schema news");
    }
}
