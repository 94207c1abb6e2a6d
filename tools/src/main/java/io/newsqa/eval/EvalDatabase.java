package io.newsqa.eval;

import io.newsqa.config.NewsQaProperties;

/**
 * The PostgreSQL in which {@code --archive postgres} creates its fresh schema: the configured
 * archive database ({@code NEWSQA_DB_URL}), else the test database ({@code NEWSQA_TEST_DB_URL},
 * {@code NEWSQA_TEST_DB_USER}, {@code NEWSQA_TEST_DB_PASSWORD}); {@code url} null when neither is set.
 */
public record EvalDatabase(String url, String user, String password) {

    public static EvalDatabase from(NewsQaProperties.Db configured) {
        if (configured.configured()) {
            return new EvalDatabase(configured.url(), configured.user(), configured.password());
        }
        return new EvalDatabase(
                env("NEWSQA_TEST_DB_URL", null),
                env("NEWSQA_TEST_DB_USER", "newsqa"),
                env("NEWSQA_TEST_DB_PASSWORD", "newsqa"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
