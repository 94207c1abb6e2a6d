package io.newsqa.archive.backend;

import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/** Where an archive lives: a folder (the embedded Lucene archive) or a schema in PostgreSQL. */
public sealed interface ArchiveLocation {

    /** For logs and messages: "the folder …", "the schema …". */
    String describe();

    /** The embedded archive in this folder. */
    record Folder(Path path) implements ArchiveLocation {
        public Folder {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "the folder " + path;
        }
    }

    /** The PostgreSQL archive in this schema, on a pool the caller owns and closes. */
    record Schema(DataSource dataSource, String name) implements ArchiveLocation {
        public Schema {
            Objects.requireNonNull(dataSource, "dataSource");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String describe() {
            return "the schema " + name;
        }
    }
}
