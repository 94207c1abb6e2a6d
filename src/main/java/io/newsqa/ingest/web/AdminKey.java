package io.newsqa.ingest.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Checks the admin API key. Both keys are hashed first and compared with
 * {@link MessageDigest#isEqual}, which takes the same time wherever they differ, so neither the
 * key's content nor its length leaks through response times.
 */
final class AdminKey {

    private final byte[] expected;

    AdminKey(AdminProperties properties) {
        this.expected = properties.enabled() ? sha256(properties.apiKey()) : null;
    }

    /** @throws ResponseStatusException 401 when the key is missing, wrong, or no key is configured */
    void check(String given) {
        if (expected == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                    "the admin API is disabled: set newsqa.admin.api-key (NEWSQA_ADMIN_API_KEY) to enable it");
        }
        if (given == null || given.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "missing X-Api-Key header");
        }
        if (!MessageDigest.isEqual(expected, sha256(given))) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "wrong X-Api-Key");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
