package io.newsqa.ingest.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.trafficlistener.WiremockNetworkTrafficListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.newsqa.ingest.source.FetchAddressPolicy;
import io.newsqa.support.LocalHttpServer;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RSS feeds published the way news sites do, by a WireMock server: each feed with an {@code ETag}
 * and {@code Last-Modified}, answering 304 when the client's {@code If-None-Match} matches, read
 * back from the server's request journal with their conditional headers.
 */
public final class FeedServer implements AutoCloseable {

    /** One request as it arrived, and the status it got. */
    public record Request(String path, String ifNoneMatch, String ifModifiedSince, int status) {}

    /** One feed entry. */
    public record Item(String title, String link, String text) {}

    /** What a published feed's responses carry for conditional requests. */
    private record Validators(String etag, String lastModified) {}

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

    /** How long a trickled body lasts when the client does not hang up (a test that forgot to). */
    private static final Duration TRICKLE_LIMIT = Duration.ofMinutes(5);

    private final Map<String, Validators> validators = new ConcurrentHashMap<>();
    /** The stubs serving each path, replaced when the path is published again. */
    private final Map<String, List<StubMapping>> stubs = new ConcurrentHashMap<>();
    /** Paths whose body never ends: a byte each interval, for as long as the client reads. */
    private final Set<String> trickling = ConcurrentHashMap.newKeySet();

    private final Connections connections = new Connections();
    private final WireMockServer server;

    private int version;

    public FeedServer() {
        server = LocalHttpServer.start(LocalHttpServer.options().networkTrafficListener(connections));
    }

    /** The setting that lets the fetchers of a test reach this server (public addresses only by default). */
    public static final String ALLOWED_HOSTS = "127.0.0.1";

    public static FetchAddressPolicy fetchPolicy() {
        return FetchAddressPolicy.allowing(List.of(ALLOWED_HOSTS));
    }

    public String url(String path) {
        return LocalHttpServer.origin(server) + path;
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
        String etag = "\"v" + version + "\"";
        serve(
                path,
                new Validators(etag, lastModified),
                get(urlPathEqualTo(path))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                                .withHeader("ETag", etag)
                                .withHeader("Last-Modified", lastModified)
                                .withBody(rss.toString())),
                get(urlPathEqualTo(path))
                        .atPriority(1)
                        .withHeader("If-None-Match", equalTo(etag))
                        .willReturn(aResponse().withStatus(304)));
    }

    /** Serves any bytes at the path, without validators. */
    public void serveRaw(String path, String contentType, String body) {
        serve(
                path,
                new Validators(null, null),
                get(urlPathEqualTo(path))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", contentType)
                                .withBody(body)));
    }

    /**
     * Serves at the path a feed whose body does not end for minutes: an RSS document one byte per
     * interval, until the client hangs up.
     */
    public void trickle(String path, Duration interval) {
        int bytes = (int) (TRICKLE_LIMIT.toMillis() / interval.toMillis());
        String start = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Slow</title>";
        trickling.add(path);
        serve(
                path,
                new Validators(null, null),
                get(urlPathEqualTo(path))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                                .withBody(start + " ".repeat(bytes))
                                .withChunkedDribbleDelay(start.length() + bytes, (int) TRICKLE_LIMIT.toMillis())));
    }

    /** Whether the client hung up on the trickled response at the path. */
    public boolean hungUp(String path) {
        return connections.closedDuring(path);
    }

    /** Every response waits this long first, so that pollers overlap. */
    public void delay(Duration delay) {
        server.setGlobalFixedDelay((int) delay.toMillis());
    }

    public String etag(String path) {
        return validators.get(path).etag();
    }

    public String lastModified(String path) {
        return validators.get(path).lastModified();
    }

    /** The requests for the path, in order, with the status their stub answered. */
    public List<Request> requests(String path) {
        List<Request> requests = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            LoggedRequest request = event.getRequest();
            if (request.getUrl().equals(path)) {
                requests.add(
                        0,
                        new Request(
                                path,
                                request.getHeader("If-None-Match"),
                                request.getHeader("If-Modified-Since"),
                                event.getResponseDefinition().getStatus()));
            }
        }
        return requests;
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

    private synchronized void serve(String path, Validators published, MappingBuilder... mappings) {
        stubs.getOrDefault(path, List.of()).forEach(server::removeStub);
        stubs.put(path, Arrays.stream(mappings).map(server::stubFor).toList());
        validators.put(path, published);
    }

    /**
     * Which path each connection asked for last, and the trickled paths whose connection closed:
     * a trickle lasts minutes, so a close means the client hung up.
     */
    private final class Connections implements WiremockNetworkTrafficListener {

        private final Map<Socket, String> paths = new ConcurrentHashMap<>();
        private final Set<String> closed = ConcurrentHashMap.newKeySet();

        boolean closedDuring(String path) {
            return closed.contains(path);
        }

        @Override
        public void opened(Socket socket) {}

        @Override
        public void incoming(Socket socket, ByteBuffer bytes) {
            String head = StandardCharsets.ISO_8859_1.decode(bytes.duplicate()).toString();
            String[] requestLine = head.split(" ", 3);
            if (requestLine.length == 3 && requestLine[0].equals("GET")) {
                paths.put(socket, requestLine[1]);
            }
        }

        @Override
        public void outgoing(Socket socket, ByteBuffer bytes) {}

        @Override
        public void closed(Socket socket) {
            String path = paths.remove(socket);
            if (path != null && trickling.contains(path)) {
                closed.add(path);
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
