package io.newsqa.web.admin;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The article administration API ({@code newsqa.admin.*}).
 *
 * @param apiKey     the key clients send in the {@code X-Api-Key} header; empty turns the
 *                   administration API off
 * @param evalReport the JSON file written by {@code eval --json}, shown on the admin page; empty:
 *                   {@code eval.json} in the data folder
 */
@ConfigurationProperties("newsqa.admin")
public record AdminProperties(String apiKey, Path evalReport) {

    /** The evaluation report shown on the admin page: the setting, else {@code <data-dir>/eval.json}. */
    public Path evalReportIn(Path dataDir) {
        return evalReport != null ? evalReport : dataDir.resolve("eval.json");
    }

    public boolean enabled() {
        return apiKey != null && !apiKey.isBlank();
    }
}
