package io.newsqa.web.admin;

import org.springframework.http.HttpStatus;

/** An administration request without the right API key; status and message say which case. */
public class AdminAccessException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    private AdminAccessException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static AdminAccessException disabled() {
        return new AdminAccessException(
                HttpStatus.FORBIDDEN,
                "Administration API disabled",
                "This server has no admin API key, so the administration API is off."
                        + " Set newsqa.admin.api-key (environment variable NEWSQA_ADMIN_API_KEY) and restart.");
    }

    static AdminAccessException missingKey() {
        return new AdminAccessException(
                HttpStatus.UNAUTHORIZED,
                "Admin API key required",
                "Send the admin API key in the " + AdminKeyInterceptor.HEADER + " header.");
    }

    static AdminAccessException wrongKey() {
        return new AdminAccessException(
                HttpStatus.FORBIDDEN,
                "Wrong admin API key",
                "The " + AdminKeyInterceptor.HEADER + " header does not hold this server's admin API key.");
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
