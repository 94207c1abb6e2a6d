package io.newsqa.support;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.postgres.PgVectorArchive;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A PostgreSQL archive in a schema of its own on the test database, dropped when the test is done. */
public final class FreshSchemaArchive {

    private final String schema;
    private final String poolName;

    public FreshSchemaArchive(String prefix) {
        this.schema = TestDatabase.freshSchemaName(prefix);
        this.poolName = prefix + "-test";
    }

    /** Opens (the first time: creates) the archive in this schema; it owns and closes its pool. */
    public ArchiveIndex open(String modelId, int dimension) {
        return PgVectorArchive.open(TestDatabase.pool(poolName, 3), true, modelId, dimension, schema);
    }

    /**
     * Makes stored articles look as they did before articles were linked to stories (migration
     * V12): no story recorded.
     */
    public void forgetStories(String... articleIds) {
        try (Connection connection = TestDatabase.connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + schema + ".articles SET story_id = NULL" + " WHERE id = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("text", articleIds));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not clear the stories in " + schema, e);
        }
    }

    /** Closes {@code archive} first, so that no pool outlives the schema, then drops the schema. */
    public void drop(ArchiveIndex archive) {
        if (archive != null) {
            archive.close();
        }
        TestDatabase.dropSchema(schema);
    }
}
