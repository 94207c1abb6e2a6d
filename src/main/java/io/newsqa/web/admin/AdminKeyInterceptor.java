package io.newsqa.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets administration requests through only with the configured key in {@value #HEADER}:
 * 401 without a key, 403 with a wrong one, 403 for every request when no key is configured.
 */
public final class AdminKeyInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-Api-Key";
    /** The OpenAPI security scheme of the admin endpoints. */
    public static final String OPENAPI_SCHEME = "adminKey";

    private final byte[] expectedDigest;

    public AdminKeyInterceptor(AdminProperties properties) {
        this.expectedDigest = properties.enabled() ? sha256(properties.apiKey()) : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (CorsUtils.isPreFlightRequest(request)) {
            return true;
        }
        check(request);
        return true;
    }

    /** @throws AdminAccessException when the request does not carry the configured key */
    public void check(HttpServletRequest request) {
        if (expectedDigest == null) {
            throw AdminAccessException.disabled();
        }
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            throw AdminAccessException.missingKey();
        }
        // Digests have one length, so the constant-time comparison does not even leak the key's length.
        if (!MessageDigest.isEqual(expectedDigest, sha256(key.strip()))) {
            throw AdminAccessException.wrongKey();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
