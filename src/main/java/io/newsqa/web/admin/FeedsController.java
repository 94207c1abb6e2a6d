package io.newsqa.web.admin;

import io.newsqa.ingest.feed.Feed;
import io.newsqa.ingest.feed.FeedPoller;
import io.newsqa.ingest.feed.FeedProperties;
import io.newsqa.ingest.feed.FeedStatus;
import io.newsqa.ingest.feed.FeedStore;
import io.newsqa.ingest.feed.FeedUrl;
import io.newsqa.ingest.feed.PollResult;
import io.newsqa.ingest.source.FetchAddressPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feed administration under {@code /api/admin/feeds}: register, list with status, pause or
 * resume, delete, poll now. The admin API key is checked before this controller is reached
 * ({@code web.AdminKeyInterceptor}); errors are RFC 9457 problems.
 */
@RestController
@RequestMapping(path = "/api/admin/feeds", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = "adminKey")
public class FeedsController {

    /** The feeds, and whether this instance polls them on its own. */
    public record FeedList(boolean scheduledPolling, long pollIntervalSeconds, List<Feed> feeds) {}

    public record RegisterRequest(String url) {}

    public record EnabledRequest(Boolean enabled) {}

    /** A poll made on request: what it found, and the feed as it now stands. */
    public record PollOutcome(FeedStatus status, int itemsAdded, String message, Feed feed) {}

    private final FeedStore store;
    private final FeedPoller poller;
    private final FeedProperties settings;
    private final FetchAddressPolicy addresses;

    FeedsController(FeedStore store, FeedPoller poller, FeedProperties settings, FetchAddressPolicy addresses) {
        this.store = store;
        this.poller = poller;
        this.settings = settings;
        this.addresses = addresses;
    }

    @Operation(summary = "Registered feeds with the status of their last poll")
    @GetMapping
    public FeedList list() {
        return new FeedList(
                settings.enabled(),
                settings.pollInterval().toSeconds(),
                store.list().stream().map(Feed::masked).toList());
    }

    @Operation(summary = "Register an RSS or Atom feed by its http(s) URL (201; 200 when it is registered already)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Feed> register(@RequestBody RegisterRequest request) {
        FeedUrl url;
        try {
            url = FeedUrl.parse(request == null ? null : request.url(), addresses);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid feed URL", e.getMessage());
        }
        FeedStore.Registration registration = store.register(url);
        if (!registration.created()) {
            return ResponseEntity.ok(registration.feed().masked());
        }
        return ResponseEntity.created(
                        URI.create("/api/admin/feeds/" + registration.feed().id()))
                .body(registration.feed().masked());
    }

    @Operation(summary = "One feed with its status")
    @GetMapping("/{id}")
    public Feed get(@PathVariable long id) {
        return store.find(id).orElseThrow(() -> notFound(id)).masked();
    }

    @Operation(summary = "Pause or resume a feed's scheduled polling: {\"enabled\": false|true}")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Feed setEnabled(@PathVariable long id, @RequestBody EnabledRequest request) {
        if (request == null || request.enabled() == null) {
            throw problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "Send {\"enabled\": false} to pause the feed or" + " {\"enabled\": true} to resume it.");
        }
        return store.setEnabled(id, request.enabled())
                .orElseThrow(() -> notFound(id))
                .masked();
    }

    @Operation(summary = "Stop polling a feed and forget it (its articles stay in the archive)")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Poll a feed now, due or not, and say what it found (409 while another instance polls it)")
    @PostMapping("/{id}/poll")
    public PollOutcome pollNow(@PathVariable long id) {
        store.find(id).orElseThrow(() -> notFound(id));
        PollResult result = poller.pollNow(id)
                .orElseThrow(
                        () -> problem(
                                HttpStatus.CONFLICT,
                                "Feed busy",
                                "Feed " + id
                                        + " is being polled right now (by this or another instance); look at its status in a moment."));
        return new PollOutcome(
                result.status(),
                result.itemsAdded(),
                result.message(),
                store.find(id).orElseThrow(() -> notFound(id)).masked());
    }

    private static ErrorResponseException notFound(long id) {
        return problem(
                HttpStatus.NOT_FOUND,
                "No such feed",
                "No feed with id " + id + " is registered. List the registered feeds with GET /api/admin/feeds.");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
