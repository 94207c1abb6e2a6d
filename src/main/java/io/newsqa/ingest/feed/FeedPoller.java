package io.newsqa.ingest.feed;

import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.IngestRun;
import io.newsqa.ingest.article.ArticleReadException;
import io.newsqa.ingest.source.FeedReader;
import io.newsqa.ingest.source.SourceDocument;
import io.newsqa.ingest.source.UrlFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls registered feeds: claims them in the store, fetches each conditionally (an unchanged feed
 * answers 304 and nothing is parsed), reads it with the feed reader and hands its entries to the
 * ingestor, which stores only what is not stored yet (same URL and text: unchanged; same text
 * elsewhere or a near copy: duplicate). Whatever goes wrong with one feed is recorded on that
 * feed, which is tried again later with backoff; the others are polled all the same.
 */
public final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    /** Rejected entries named in a feed's status; the rest are counted. */
    private static final int LISTED_REJECTIONS = 3;

    private final FeedStore store;
    private final ArticleIngestor ingestor;
    private final UrlFetcher fetcher;
    private final FeedProperties settings;
    private final String name;
    private final FeedReader reader = new FeedReader();

    /**
     * @param name this poller's name in claims and in {@code lastPolledBy}: unique per running instance
     */
    public FeedPoller(
            FeedStore store, ArticleIngestor ingestor, UrlFetcher fetcher, FeedProperties settings, String name) {
        this.store = store;
        this.ingestor = ingestor;
        this.fetcher = fetcher;
        this.settings = settings;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Claims up to a batch of due feeds and polls them; returns how many were claimed. */
    public int pollDue() {
        List<Feed> claimed = store.claimDue(name, settings.batch(), settings.lease());
        for (Feed feed : claimed) {
            pollClaimed(feed);
        }
        return claimed.size();
    }

    /**
     * Polls one feed now, due or not.
     *
     * @return what the poll found, or empty when another poller is polling the feed right now
     *         (or it was deleted)
     */
    public Optional<PollResult> pollNow(long id) {
        return store.claim(id, name, settings.lease()).map(this::pollClaimed);
    }

    private PollResult pollClaimed(Feed feed) {
        PollResult result = poll(feed);
        if (!store.complete(feed.id(), name, result)) {
            log.warn(
                    "Feed {}: the poll took longer than the lease ({}) and another poller took it over, or the feed was"
                            + " deleted meanwhile; this poll's status is not recorded (raise newsqa.feeds.lease)",
                    FeedUrl.masked(feed.url()),
                    settings.lease());
        }
        return result;
    }

    private PollResult poll(Feed feed) {
        try {
            Optional<UrlFetcher.Fetched> fetched = fetcher.fetchIfChanged(feed.url(), feed.etag(), feed.lastModified());
            if (fetched.isEmpty()) {
                log.debug("Feed {}: not modified", FeedUrl.masked(feed.url()));
                return new PollResult(FeedStatus.NOT_MODIFIED, null, 0, null, settings.pollInterval());
            }
            return ingest(feed, fetched.get());
        } catch (ArticleReadException e) {
            return failed(feed, stripUrl(e.getMessage(), feed.url()));
        } catch (IOException | RuntimeException e) {
            return failed(feed, "could not be polled (" + e + ")");
        }
    }

    private PollResult ingest(Feed feed, UrlFetcher.Fetched fetched) throws IOException {
        IngestReport report = new IngestReport();
        try (InputStream body = fetched.body();
                IngestRun run = ingestor.startRun(report)) {
            reader.read(new SourceDocument(feed.url(), fetched.contentType(), body), run);
        }
        int added = report.countOf(IngestOutcome.ADDED);
        List<IngestReport.Rejection> rejected = report.rejections();
        log.info("Feed {}: {}", FeedUrl.masked(feed.url()), report.summary());
        if (rejected.isEmpty()) {
            return new PollResult(
                    FeedStatus.OK,
                    new Validators(fetched.etag(), fetched.lastModified()),
                    added,
                    null,
                    settings.pollInterval());
        }
        // Validators are kept only for a feed taken in whole: after a rejected entry (perhaps the
        // archive was briefly down) the next poll must fetch the whole feed again, not get a 304.
        return new PollResult(
                FeedStatus.OK,
                Validators.NONE,
                added,
                FeedUrl.maskedIn(rejections(rejected, report.items(), feed.url()), feed.url()),
                settings.pollInterval());
    }

    private PollResult failed(Feed feed, String reason) {
        reason = FeedUrl.maskedIn(reason, feed.url());
        int failures = feed.consecutiveFailures() + 1;
        log.warn(
                "Feed {}: {} ({} failed poll(s) in a row; next try in {})",
                FeedUrl.masked(feed.url()),
                reason,
                failures,
                settings.backoff(failures));
        return new PollResult(FeedStatus.ERROR, null, 0, reason, settings.backoff(failures));
    }

    private static String rejections(List<IngestReport.Rejection> rejected, int items, String url) {
        StringBuilder text = new StringBuilder()
                .append(rejected.size())
                .append(" of ")
                .append(items)
                .append(" entries not taken in: ");
        for (int i = 0; i < Math.min(LISTED_REJECTIONS, rejected.size()); i++) {
            IngestReport.Rejection rejection = rejected.get(i);
            text.append(i == 0 ? "" : "; ")
                    .append(stripUrl(rejection.item(), url))
                    .append(": ")
                    .append(rejection.reason());
        }
        if (rejected.size() > LISTED_REJECTIONS) {
            text.append("; ...");
        }
        return text.toString();
    }

    /** Messages and item names start with the feed's URL, which its status is shown beside anyway. */
    private static String stripUrl(String text, String url) {
        if (text == null) {
            return "failed";
        }
        if (text.startsWith(url + ": ")) {
            return text.substring(url.length() + 2);
        }
        return text.startsWith(url + " ") ? text.substring(url.length() + 1) : text;
    }
}
