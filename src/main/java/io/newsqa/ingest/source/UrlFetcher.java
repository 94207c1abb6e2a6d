package io.newsqa.ingest.source;

import io.newsqa.ingest.ArticleReadException;
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

/**
 * Fetches a page or feed over HTTP(S), with timeouts, following redirects; conditionally, for
 * polled feeds, so an unchanged one costs a 304 and no download.
 */
public final class UrlFetcher {

    private final HttpClient client;
    private final Duration timeout;

    public UrlFetcher(Duration timeout) {
        this.timeout = timeout;
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
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new ArticleReadException(url + ": could not connect within " + timeout.toSeconds() + " s; check the address or try later", e);
        } catch (HttpTimeoutException e) {
            throw new ArticleReadException(url + ": no answer within " + timeout.toSeconds() + " s; try later", e);
        } catch (ConnectException e) {
            throw new ArticleReadException(url + ": unreachable (connection refused); check the address or try later", e);
        } catch (UnknownHostException e) {
            throw new ArticleReadException(url + ": unknown host; check the address", e);
        } catch (IOException e) {
            throw new ArticleReadException(url + ": could not be fetched (" + describe(e) + "); check the address or try later", e);
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
                throw new ArticleReadException(url + ": the server answered HTTP " + response.statusCode()
                        + (response.statusCode() == 404 ? " (not found); check the address" : ""));
            } catch (IOException e) {
                throw new ArticleReadException(url + ": the server answered HTTP " + response.statusCode(), e);
            }
        }
        return Optional.of(new Fetched(response.uri().toString(), response.headers().firstValue("Content-Type").orElse(null),
                response.body(), response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null)));
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
