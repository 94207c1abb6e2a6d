package io.newsqa.ingest.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admin API settings ({@code newsqa.admin.*}).
 *
 * @param apiKey the key admin requests carry in {@code X-Api-Key}; empty disables the admin API
 */
@ConfigurationProperties("newsqa.admin")
public record AdminProperties(String apiKey) {

    public boolean enabled() {
        return apiKey != null && !apiKey.isBlank();
    }
}
