package io.newsqa.ingest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsqa.ingest.source.FetchAddressPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server publishing RSS feeds the way news sites do: each feed with an {@code ETag}
 * and {@code Last-Modified}, answering 304 when the client's {@code If-None-Match} matches. It
 * records every request with its conditional headers.
 */
public final class FeedServer implements AutoCloseable {

    /** One request as it arrived, and the status it got. */
    public record Request(String path, String ifNoneMatch, String ifModifiedSince, int status) {}

    /** One feed entry. */
    public record Item(String title, String link, String text) {}

    private record Published(String contentType, byte[] body, String etag, String lastModified) {}

    private static final List<String> WORDS = List.of(
            "harbour",
            "council",
            "budget",
            "tram",
            "museum",
            "festival",
            "river",
            "bridge",
            "school",
            "hospital",
            "minister",
            "mayor",
            "farmers",
            "harvest",
            "drought",
            "storm",
            "ferry",
            "library",
            "stadium",
            "market",
            "prices",
            "wages",
            "union",
            "strike",
            "election",
            "court",
            "judge",
            "police",
            "fire",
            "desert",
            "oil",
            "gas",
            "solar",
            "wind",
            "water",
            "station",
            "airport",
            "railway",
            "tunnel",
            "village",
            "coast",
            "island",
            "teachers",
            "students",
            "exams",
            "doctors",
            "nurses",
            "vaccine",
            "museum",
            "painting",
            "concert",
            "theatre",
            "film",
            "author",
            "poet",
            "novel",
            "prize",
            "football",
            "league",
            "coach",
            "players",
            "season",
            "record",
            "crowd",
            "fans");

    private final HttpServer server;
    private final Map<String, Published> feeds = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Paths whose body never ends: a byte each interval, for as long as the client reads. */
    private final Map<String, Duration> trickling = new ConcurrentHashMap<>();
    /** Trickled responses that ended because the client hung up. */
    private final List<String> hungUp = new CopyOnWriteArrayList<>();

    private volatile Duration delay = Duration.ZERO;
    private int version;

    public FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The setting that lets the fetchers of a test reach this server (public addresses only by default). */
    public static final String ALLOWED_HOSTS = "127.0.0.1";

    public static FetchAddressPolicy fetchPolicy() {
        return FetchAddressPolicy.allowing(List.of(ALLOWED_HOSTS));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Publishes (or republishes, with a new ETag) an RSS feed at the path. */
    public synchronized void publish(String path, List<Item> items) {
        StringBuilder rss = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                        + "<title>Avalon Wire</title><link>https://avalon.example/</link><description>test feed</description>\n");
        for (Item item : items) {
            rss.append("<item><title>")
                    .append(item.title())
                    .append("</title><link>")
                    .append(item.link())
                    .append("</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description>")
                    .append(item.text())
                    .append("</description></item>\n");
        }
        rss.append("</channel></rss>\n");
        version++;
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.of(2025, 6, 2, 10, 0, 0, 0, ZoneOffset.UTC).plusMinutes(version));
        feeds.put(
                path,
                new Published(
                        "application/rss+xml; charset=utf-8",
                        rss.toString().getBytes(StandardCharsets.UTF_8),
                        "\"v" + version + "\"",
                        lastModified));
    }

    /** Serves any bytes at the path, without validators. */
    public void serveRaw(String path, String contentType, String body) {
        feeds.put(path, new Published(contentType, body.getBytes(StandardCharsets.UTF_8), null, null));
    }

    /**
     * Serves at the path a feed whose headers come at once and whose body never ends: the start of
     * an RSS document, then one byte per interval until the client hangs up.
     */
    public void trickle(String path, Duration interval) {
        trickling.put(path, interval);
    }

    /** Whether the client hung up on the trickled response at the path. */
    public boolean hungUp(String path) {
        return hungUp.contains(path);
    }

    /** Every response waits this long first, so that pollers overlap. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    public String etag(String path) {
        return feeds.get(path).etag();
    }

    public String lastModified(String path) {
        return feeds.get(path).lastModified();
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** An entry with its own text, unlike any other entry's (so no near-duplicate detection merges them). */
    public static Item item(String slug) {
        Random random = new Random(slug.hashCode());
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            words.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return new Item(
                "Report " + slug,
                "https://avalon.example/news/" + slug,
                "The " + slug + " report: " + String.join(" ", words) + ".");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            sleep();
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (trickling.containsKey(path)) {
                requests.add(new Request(
                        path, ifNoneMatch, exchange.getRequestHeaders().getFirst("If-Modified-Since"), 200));
                trickle(exchange, path, trickling.get(path));
                return;
            }
            Published feed = feeds.get(path);
            int status = feed == null ? 404 : feed.etag() != null && feed.etag().equals(ifNoneMatch) ? 304 : 200;
            requests.add(
                    new Request(path, ifNoneMatch, exchange.getRequestHeaders().getFirst("If-Modified-Since"), status));
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", feed.contentType());
            if (feed.etag() != null) {
                exchange.getResponseHeaders().add("ETag", feed.etag());
                exchange.getResponseHeaders().add("Last-Modified", feed.lastModified());
            }
            exchange.sendResponseHeaders(200, feed.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(feed.body());
            }
        }
    }

    private void trickle(HttpExchange exchange, String path, Duration interval) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
        exchange.sendResponseHeaders(200, 0); // chunked: no end announced
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos(); // a test that forgot to hang up
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Slow</title>"
                    .getBytes(StandardCharsets.UTF_8));
            while (System.nanoTime() < giveUp) {
                out.write(' ');
                out.flush();
                Thread.sleep(interval.toMillis());
            }
        } catch (IOException e) {
            hungUp.add(path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
