package io.newsqa.ingest.source;

import io.newsqa.ingest.article.ArticleReadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a page or feed over HTTP(S), with timeouts, following redirects; conditionally, for
 * polled feeds, so an unchanged one costs a 304 and no download. The address, and the address of
 * every redirect, is checked against a {@link FetchAddressPolicy} before it is connected to.
 *
 * <p>The timeout bounds connecting and the wait for the response headers only. A fetcher made with
 * body limits also bounds the whole response: it reads the body into memory, fails when it is not
 * all there by the deadline (a server trickling bytes endlessly would otherwise hold the caller
 * forever) or when it grows past the size. Without them the body is streamed, of any size (dumps).
 */
public final class UrlFetcher {

    /** Redirects followed at most from the address given. */
    static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final Duration timeout;
    /** {@code null}: the body is streamed, unbounded. */
    private final Duration bodyDeadline;

    private final long maxBodyBytes;
    private final FetchAddressPolicy addresses;

    /** A fetcher of public addresses that streams bodies of any size, at any pace. */
    public UrlFetcher(Duration timeout) {
        this(timeout, FetchAddressPolicy.publicOnly());
    }

    /** A fetcher of the addresses the policy allows that streams bodies of any size, at any pace. */
    public UrlFetcher(Duration timeout, FetchAddressPolicy addresses) {
        this(timeout, null, Long.MAX_VALUE, addresses);
    }

    /**
     * A fetcher that reads each body whole, within {@code bodyDeadline} from the request (redirects
     * included) and up to {@code maxBodyBytes}, from the addresses the policy allows.
     */
    public UrlFetcher(Duration timeout, Duration bodyDeadline, long maxBodyBytes, FetchAddressPolicy addresses) {
        if (bodyDeadline != null && (bodyDeadline.isNegative() || bodyDeadline.isZero() || maxBodyBytes < 1)) {
            throw new IllegalArgumentException(
                    "the body deadline and size must be positive, were " + bodyDeadline + " and " + maxBodyBytes);
        }
        this.timeout = timeout;
        this.bodyDeadline = bodyDeadline;
        this.maxBodyBytes = maxBodyBytes;
        this.addresses = addresses;
        // Redirects are followed here, not by the client: each hop's address is checked first.
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A fetched document; the caller closes it.
     *
     * @param etag         the response's {@code ETag}, or {@code null}
     * @param lastModified the response's {@code Last-Modified}, or {@code null}
     */
    public record Fetched(String finalUrl, String contentType, InputStream body, String etag, String lastModified) {}

    public Fetched fetch(String url) {
        return fetchIfChanged(url, null, null)
                .orElseThrow(() -> new IllegalStateException("304 to an unconditional request"));
    }

    /**
     * Fetches unless the server says its copy is still the one these validators came from.
     * Redirects are followed, each hop's address checked against the policy before it is
     * connected to; a refusal names the reason, never anything fetched.
     *
     * @param etag         sent as {@code If-None-Match} when not null
     * @param lastModified sent as {@code If-Modified-Since} when not null
     * @return empty when the server answered 304 Not Modified
     */
    public Optional<Fetched> fetchIfChanged(String url, String etag, String lastModified) {
        boolean conditional = etag != null || lastModified != null;
        long deadline = bodyDeadline == null ? 0 : System.nanoTime() + bodyDeadline.toNanos();
        URI uri = uri(url, url);
        String name = url;
        for (int redirects = 0; ; redirects++) {
            addresses.check(name, uri);
            Exchange response = bodyDeadline == null
                    ? exchangeStreamed(url, request(url, uri, etag, lastModified))
                    : exchangeWhole(url, request(url, uri, etag, lastModified), deadline);
            int status = response.status();
            if (isRedirect(status)) {
                closeQuietly(response.body());
                String location = response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new ArticleReadException(url + ": the server answered HTTP " + status
                                + " without saying where to (no Location)"));
                if (redirects == MAX_REDIRECTS) {
                    throw new ArticleReadException(
                            url + ": more than " + MAX_REDIRECTS + " redirects; check the address");
                }
                name = url + " (redirected to " + location + ")";
                uri = uri(name, uri.resolve(location.strip()).toString());
                continue;
            }
            if (status == 304 && conditional) {
                closeQuietly(response.body());
                return Optional.empty();
            }
            if (status != 200) {
                closeQuietly(response.body());
                throw httpError(url, status);
            }
            return Optional.of(new Fetched(
                    response.uri().toString(),
                    response.header("Content-Type"),
                    response.body(),
                    response.header("ETag"),
                    response.header("Last-Modified")));
        }
    }

    /** One response: its status, headers and body, read whole or as it arrives. */
    private record Exchange(int status, HttpHeaders headers, URI uri, InputStream body) {

        static Exchange of(HttpResponse<?> response, InputStream body) {
            return new Exchange(response.statusCode(), response.headers(), response.uri(), body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI uri(String name, String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new ArticleReadException(name + ": not a valid address (" + e.getReason() + ")", e);
        }
    }

    private HttpRequest request(String url, URI uri, String etag, String lastModified) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("User-Agent", "NewsQA-ingest/0.1 (+archive ingestion)")
                    .header(
                            "Accept",
                            "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
                    .GET();
            if (etag != null) {
                builder.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                builder.header("If-Modified-Since", lastModified);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ArticleReadException(url + ": not a valid address (" + e.getMessage() + ")", e);
        }
    }

    /** The streamed way: the body as it arrives, of any size. */
    private Exchange exchangeStreamed(String url, HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return Exchange.of(response, response.body());
        } catch (IOException e) {
            throw failure(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArticleReadException(url + ": fetch interrupted", e);
        }
    }

    /** The bounded way: the whole body by the deadline, at most the size, or a clear failure. */
    private Exchange exchangeWhole(String url, HttpRequest request, long deadline) {
        BoundedBody body = new BoundedBody(maxBodyBytes);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(
                request, head -> head.statusCode() == 200 ? body : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            body.cancel();
            exchange.cancel(true);
            throw new ArticleReadException(
                    url + ": the response was not complete within " + bodyDeadline.toSeconds()
                            + " s (the server sends it too slowly); try later",
                    e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BoundedBody.TooLarge) {
                throw new ArticleReadException(
                        url + ": the response is larger than " + sizeText(maxBodyBytes) + "; not read", e.getCause());
            }
            throw e.getCause() instanceof IOException io
                    ? failure(url, io)
                    : new ArticleReadException(url + ": could not be fetched (" + e.getCause() + ")", e.getCause());
        } catch (InterruptedException e) {
            body.cancel();
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ArticleReadException(url + ": fetch interrupted", e);
        }
        return Exchange.of(response, new ByteArrayInputStream(response.body()));
    }

    private static String sizeText(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    private static ArticleReadException httpError(String url, int status) {
        return new ArticleReadException(url + ": the server answered HTTP " + status
                + (status == 404 ? " (not found); check the address" : ""));
    }

    private ArticleReadException failure(String url, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new ArticleReadException(
                    url + ": could not connect within " + timeout.toSeconds() + " s; check the address or try later",
                    e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ArticleReadException(url + ": no answer within " + timeout.toSeconds() + " s; try later", e);
        }
        if (e instanceof ConnectException) {
            return new ArticleReadException(
                    url + ": unreachable (connection refused); check the address or try later", e);
        }
        if (e instanceof UnknownHostException) {
            return new ArticleReadException(url + ": unknown host; check the address", e);
        }
        return new ArticleReadException(
                url + ": could not be fetched (" + describe(e) + "); check the address or try later", e);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // a redirect, a 304 or an error status has no body worth reporting on
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
