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

/** Fetches a page or feed over HTTP(S), with timeouts, following redirects. */
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

    /** A fetched document; the caller closes it. */
    public record Fetched(String finalUrl, String contentType, InputStream body) {
    }

    public Fetched fetch(String url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("User-Agent", "NewsQA-ingest/0.1 (+archive ingestion)")
                    .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
                    .GET().build();
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
        if (response.statusCode() != 200) {
            try (InputStream ignored = response.body()) {
                throw new ArticleReadException(url + ": the server answered HTTP " + response.statusCode()
                        + (response.statusCode() == 404 ? " (not found); check the address" : ""));
            } catch (IOException e) {
                throw new ArticleReadException(url + ": the server answered HTTP " + response.statusCode(), e);
            }
        }
        return new Fetched(response.uri().toString(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
