package io.newsqa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/**
 * RFC 9457 problems written by servlet filters, which answer before Spring MVC (and its
 * {@code web.config.ApiErrors}) is reached, in the same shape.
 */
public final class ProblemResponses {

    /** The detail of a 503 when the archive's storage cannot be reached. */
    public static final String ARCHIVE_UNAVAILABLE =
            "The archive cannot be reached right now (its storage is down or restarting). Ask again in a minute.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {}

    public static void write(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
