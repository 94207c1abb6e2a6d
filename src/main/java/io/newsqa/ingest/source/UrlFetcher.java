package io.newsqa.ingest.source;

import io.newsqa.ingest.ArticleReadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
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
 * polled feeds, so an unchanged one costs a 304 and no download.
 *
 * <p>The timeout bounds connecting and the wait for the response headers only. A fetcher made with
 * body limits also bounds the whole response: it reads the body into memory, fails when it is not
 * all there by the deadline (a server trickling bytes endlessly would otherwise hold the caller
 * forever) or when it grows past the size. Without them the body is streamed, of any size (dumps).
 */
public final class UrlFetcher {

    private final HttpClient client;
    private final Duration timeout;
    /** {@code null}: the body is streamed, unbounded. */
    private final Duration bodyDeadline;
    private final long maxBodyBytes;

    /** A fetcher that streams bodies of any size, at any pace. */
    public UrlFetcher(Duration timeout) {
        this(timeout, null, Long.MAX_VALUE);
    }

    /**
     * A fetcher that reads each body whole, within {@code bodyDeadline} from the request and up to
     * {@code maxBodyBytes}.
     */
    public UrlFetcher(Duration timeout, Duration bodyDeadline, long maxBodyBytes) {
        if (bodyDeadline != null && (bodyDeadline.isNegative() || bodyDeadline.isZero() || maxBodyBytes < 1)) {
            throw new IllegalArgumentException("the body deadline and size must be positive, were " + bodyDeadline
                    + " and " + maxBodyBytes);
        }
        this.timeout = timeout;
        this.bodyDeadline = bodyDeadline;
        this.maxBodyBytes = maxBodyBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * A fetched document; the caller closes it.
     *
     * @param etag         the response's {@code ETag}, or {@code null}
     * @param lastModified the response's {@code Last-Modified}, or {@code null}
     */
    public record Fetched(String finalUrl, String contentType, InputStream body, String etag, String lastModified) {
    }

    public Fetched fetch(String url) {
        return fetchIfChanged(url, null, null).orElseThrow(() -> new IllegalStateException("304 to an unconditional request"));
    }

    /**
     * Fetches unless the server says its copy is still the one these validators came from.
     *
     * @param etag         sent as {@code If-None-Match} when not null
     * @param lastModified sent as {@code If-Modified-Since} when not null
     * @return empty when the server answered 304 Not Modified
     */
    public Optional<Fetched> fetchIfChanged(String url, String etag, String lastModified) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("User-Agent", "NewsQA-ingest/0.1 (+archive ingestion)")
                    .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
                    .GET();
            if (etag != null) {
                builder.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                builder.header("If-Modified-Since", lastModified);
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            throw new ArticleReadException(url + ": not a valid address (" + e.getMessage() + ")", e);
        }
        if (bodyDeadline != null) {
            return fetchWhole(url, request, etag != null || lastModified != null);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failure(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArticleReadException(url + ": fetch interrupted", e);
        }
        if (response.statusCode() == 304 && (etag != null || lastModified != null)) {
            closeQuietly(response.body());
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            try (InputStream ignored = response.body()) {
                throw httpError(url, response.statusCode());
            } catch (IOException e) {
                throw new ArticleReadException(url + ": the server answered HTTP " + response.statusCode(), e);
            }
        }
        return Optional.of(fetched(response, response.body()));
    }

    /** The bounded way: the whole body by the deadline, at most the size, or a clear failure. */
    private Optional<Fetched> fetchWhole(String url, HttpRequest request, boolean conditional) {
        BoundedBody body = new BoundedBody(maxBodyBytes);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                head -> head.statusCode() == 200 ? body : HttpResponse.BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(bodyDeadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            body.cancel();
            exchange.cancel(true);
            throw new ArticleReadException(url + ": the response was not complete within " + bodyDeadline.toSeconds()
                    + " s (the server sends it too slowly); try later", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BoundedBody.TooLarge) {
                    throw new ArticleReadException(url + ": the response is larger than " + sizeText(maxBodyBytes) + "; not read",
                        e.getCause());
            }
            throw e.getCause() instanceof IOException io ? failure(url, io)
                    : new ArticleReadException(url + ": could not be fetched (" + e.getCause() + ")", e.getCause());
        } catch (InterruptedException e) {
            body.cancel();
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ArticleReadException(url + ": fetch interrupted", e);
        }
        if (response.statusCode() == 304 && conditional) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw httpError(url, response.statusCode());
        }
        return Optional.of(fetched(response, new ByteArrayInputStream(response.body())));
    }

    private static String sizeText(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    private static Fetched fetched(HttpResponse<?> response, InputStream body) {
        return new Fetched(response.uri().toString(), response.headers().firstValue("Content-Type").orElse(null), body,
                response.headers().firstValue("ETag").orElse(null), response.headers().firstValue("Last-Modified").orElse(null));
    }

    private static ArticleReadException httpError(String url, int status) {
        return new ArticleReadException(url + ": the server answered HTTP " + status
                + (status == 404 ? " (not found); check the address" : ""));
    }

    private ArticleReadException failure(String url, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new ArticleReadException(url + ": could not connect within " + timeout.toSeconds() + " s; check the address or try later", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ArticleReadException(url + ": no answer within " + timeout.toSeconds() + " s; try later", e);
        }
        if (e instanceof ConnectException) {
            return new ArticleReadException(url + ": unreachable (connection refused); check the address or try later", e);
        }
        if (e instanceof UnknownHostException) {
            return new ArticleReadException(url + ": unknown host; check the address", e);
        }
        return new ArticleReadException(url + ": could not be fetched (" + describe(e) + "); check the address or try later", e);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // a 304 has no body worth reporting on
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
