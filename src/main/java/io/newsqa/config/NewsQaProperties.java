package io.newsqa.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The settings every part shares: where the archive lives (a folder, or a PostgreSQL database)
 * and how articles are cut into chunks, bound from {@code newsqa.*} properties or the matching
 * environment variables ({@code NEWSQA_DB_URL} for {@code newsqa.db.url}, and so on). Each feature
 * binds its own settings beside these ({@code retrieve.RetrievalProperties},
 * {@code answer.AnswerProperties}, …); defaults and comments are in {@code application.yml}.
 */
@ConfigurationProperties("newsqa")
public record NewsQaProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue("200") int chunkTokens) {

    /** The PostgreSQL archive; when {@code url} is empty the embedded archive is used. */
    public record Db(
            String url,
            @DefaultValue("newsqa") String user,
            @DefaultValue("newsqa") String password,
            @DefaultValue("public") String schema,
            @DefaultValue("10") int poolSize,
            @DefaultValue("1s") Duration connectionTimeout,
            @DefaultValue("1GB") DataSize indexBuildMemory) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
