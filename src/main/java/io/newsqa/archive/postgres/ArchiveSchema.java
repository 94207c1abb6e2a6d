package io.newsqa.archive.postgres;

import io.newsqa.archive.ArchiveModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Creates or upgrades the archive's tables in one PostgreSQL schema (Flyway, migrations in
 * {@code db/migration/postgres}) and makes sure the vectors stored there come from the configured
 * embedding model.
 */
final class ArchiveSchema {

    /**
     * Lower-case SQL identifiers only. The schema name is the one thing written into SQL text
     * rather than bound (identifiers cannot be parameters), so it must be harmless and need no
     * case folding.
     */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** pgvector's HNSW index accepts vectors of at most this many dimensions. */
    static final int MAX_INDEXED_DIMENSION = 2000;

    private final DataSource dataSource;
    private final String name;

    ArchiveSchema(DataSource dataSource, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Schema name '" + name + "' is not usable: use lower-case letters, digits and"
                            + " underscores, starting with a letter or underscore (at most 63 characters), e.g. 'public' or 'newsqa'.");
        }
        this.dataSource = dataSource;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** {@code "schema".table}, for SQL text. */
    String table(String table) {
        return '"' + name + "\"." + table;
    }

    /**
     * Brings the schema up to date and records the model on first use.
     *
     * @throws IllegalStateException when the archive holds vectors of another model or dimension,
     *                               or when pgvector is missing
     */
    void prepare(String modelId, int dimension) {
        // Checked before migrating as well as after: a migration must never run against an archive
        // of another model (its placeholders would not match what is stored).
        recordedModel().ifPresent(recorded -> requireSameModel(recorded, modelId, dimension));
        migrate(dimension);
        recordModelIfNew(modelId, dimension);
        requireSameModel(recordedModel().orElseThrow(), modelId, dimension);
    }

    private void migrate(int dimension) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/postgres")
                    .schemas(name)
                    .defaultSchema(name)
                    .createSchemas(true)
                    .placeholders(Map.of("dimension", Integer.toString(dimension)))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            if (!vectorExtensionInstalled()) {
                throw new IllegalStateException(
                        "The PostgreSQL database has no pgvector extension and this role may not create"
                                + " it. Ask a superuser to run CREATE EXTENSION vector; in the database (scripts/provision-postgres.sh"
                                + " does it for a local database).",
                        e);
            }
            throw new IllegalStateException(
                    "Could not create or upgrade the archive tables in schema '" + name + "': " + e.getMessage(), e);
        }
    }

    private boolean vectorExtensionInstalled() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
                ResultSet row = query.executeQuery()) {
            return row.next();
        } catch (SQLException e) {
            throw new ArchiveStorageException("Could not check for the pgvector extension", e);
        }
    }

    /** The model the archive in this schema records; empty when there is no archive yet. */
    Optional<ArchiveModel> recordedModel() {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                exists.setString(1, table("archive_meta"));
                try (ResultSet row = exists.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                            "SELECT embedding_model, dimension FROM " + table("archive_meta"));
                    ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new ArchiveModel(row.getString(1), row.getInt(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ArchiveStorageException(
                    "Could not read which embedding model the archive in schema '" + name + "' uses", e);
        }
    }

    private void recordModelIfNew(String modelId, int dimension) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table("archive_meta")
                        + " (embedding_model, dimension) VALUES (?, ?) ON CONFLICT (singleton) DO NOTHING")) {
            insert.setString(1, modelId);
            insert.setInt(2, dimension);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new ArchiveStorageException(
                    "Could not record the embedding model of the archive in schema '" + name + "'", e);
        }
    }

    private void requireSameModel(ArchiveModel recorded, String modelId, int dimension) {
        if (recorded.modelId().equals(modelId) && recorded.dimension() == dimension) {
            return;
        }
        throw new IllegalStateException(
                "The archive in PostgreSQL schema '" + name + "' holds vectors of the embedding model '"
                        + recorded.modelId() + "' (" + recorded.dimension()
                        + " dimensions), but the configured model is '" + modelId
                        + "' (" + dimension
                        + " dimensions). Vectors of different models cannot be compared. Either configure the"
                        + " model '" + recorded.modelId()
                        + "' again (NEWSQA_EMBEDDING_PROVIDER, NEWSQA_EMBEDDING_MODEL), or re-embed the"
                        + " articles with '" + modelId + "' into a new schema: set NEWSQA_DB_SCHEMA to it and run"
                        + " `newsqa reembed --from-schema " + name + "`.");
    }
}
