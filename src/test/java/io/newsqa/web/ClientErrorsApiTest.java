package io.newsqa.web;

import static io.newsqa.web.WebApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Requests any reader can send without a key that used to end in a 500 with a stack trace at
 * ERROR: a year the archive cannot count, half a surrogate pair, a broken multipart body. Each gets
 * a 4xx RFC 9457 problem naming the field, and the log stays free of errors.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorsApiTest extends WebTestContext {

    private static final String FAR_YEAR = "%2B999999999-12-31";
    private static final String BROKEN_MULTIPART =
            "--xyz\r\nContent-Disposition: form-data; name=\"question\"\r\n\r\ntram";

    private HttpResponse<String> post(String path, String contentType, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    @Test
    void aDateBeyondTheYear9999IsA400NamingTheField(CapturedOutput output) {
        assertProblem(
                Http.get(url("/api/search?q=tram&from=" + FAR_YEAR)),
                400,
                "\"from\" is \"+999999999-12-31\", outside the years 1 to 9999");
        assertProblem(Http.get(url("/api/search?q=tram&to=-999999999-01-01")), 400, "\"to\"");
        assertProblem(
                Http.postJson(url("/api/ask"), "{\"question\": \"tram\", \"from\": \"+999999999-12-31\"}"),
                400,
                "\"from\"");
        assertProblem(
                Http.postJson(url("/api/ask/stream"), "{\"question\": \"tram\", \"to\": \"+999999999-12-31T00:00Z\"}"),
                400,
                "\"to\"");
        assertThat(Http.get(url("/api/search?q=tram&from=0001-01-01&to=9999-12-31"))
                        .statusCode())
                .isEqualTo(200);

        assertNoErrorLogged(output);
    }

    @Test
    void halfASurrogatePairIsA400NamingTheFieldAndNothingIsAnswered(CapturedOutput output) {
        String loneSurrogate = "{\"question\": \"tram \\ud800 line\"}";

        assertProblem(Http.postJson(url("/api/ask"), loneSurrogate), 400, "\"question\" holds an unpaired surrogate");
        assertProblem(
                Http.postJson(url("/api/ask/stream"), loneSurrogate), 400, "\"question\" holds an unpaired surrogate");
        assertProblem(
                Http.postJson(url("/api/ask"), "{\"question\": \"tram\", \"sources\": [\"\\udc00\"]}"),
                400,
                "\"sources\"");
        // a whole pair (an emoji) is text like any other
        assertThat(Http.postJson(url("/api/ask"), "{\"question\": \"tram \\ud83d\\ude8b line\"}")
                        .statusCode())
                .isEqualTo(200);

        assertNoErrorLogged(output);
    }

    @Test
    void aBrokenMultipartBodyIsRefusedUnreadOnEveryPath(CapturedOutput output) {
        String multipart = "multipart/form-data; boundary=xyz";

        assertProblem(post("/api/ask", multipart, BROKEN_MULTIPART), 415, "");
        assertProblem(post("/api/articles", multipart, BROKEN_MULTIPART), 415, "");
        assertProblem(post("/api/admin/feeds/1/poll", multipart, BROKEN_MULTIPART), 401, "");
        assertProblem(post("/api/search", multipart, BROKEN_MULTIPART), 405, "");
        assertThat(post("/no-such-page", multipart, BROKEN_MULTIPART).statusCode())
                .isEqualTo(404);
        assertThat(post("/", multipart, BROKEN_MULTIPART).statusCode()).isBetween(400, 499);

        assertNoErrorLogged(output);
    }

    /** Client errors may be noted in a line at WARN, never at ERROR and never with a stack trace. */
    private static void assertNoErrorLogged(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContainPattern("\\n\\tat [a-z]");
    }
}
