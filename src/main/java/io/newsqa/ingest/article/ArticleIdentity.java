package io.newsqa.ingest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable identities, so that ingesting the same thing twice finds what is already stored. An
 * article with a URL is identified by it (a corrected article replaces its earlier version); one
 * without is identified by its text.
 */
public final class ArticleIdentity {

    private ArticleIdentity() {}

    public static String contentHash(String body) {
        return sha256(body.strip());
    }

    public static String articleId(String url, String contentHash) {
        if (url != null && !url.isBlank()) {
            return "u" + sha256(url.strip()).substring(0, 24);
        }
        return "h" + contentHash.substring(0, 24);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
