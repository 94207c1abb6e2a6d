package io.newsqa.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The article administration API ({@code newsqa.admin.*}).
 *
 * @param apiKey the key clients send in the {@code X-Api-Key} header; empty turns the
 *               administration API off
 */
@ConfigurationProperties("newsqa.admin")
public record AdminProperties(String apiKey) {

    public boolean enabled() {
        return apiKey != null && !apiKey.isBlank();
    }
}
