package io.newsqa.ingest.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The feeds in a small JSON file beside the embedded archive ({@code <data-dir>/feeds.json}),
 * replaced atomically on every change (written beside it, flushed to disk, then renamed over it),
 * so a crash leaves the old list or the new one, never half of one.
 *
 * <p>Claims are kept in memory only: the embedded archive belongs to one process (Lucene locks
 * its folder), so there is no other instance to keep out, and a restart that forgets the claims
 * is what an ended lease would do anyway.
 */
final class FileFeedStore implements FeedStore {

    private record Contents(long lastId, List<Feed> feeds) {}

    private record Claim(String poller, Instant until) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Clock clock;
    private final Map<Long, Claim> claims = new HashMap<>();
    private final List<Feed> feeds;
    private long lastId;

    FileFeedStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        Contents contents = read(file);
        this.feeds = new ArrayList<>(contents.feeds());
        this.lastId = contents.lastId();
    }

    static FileFeedStore inDataDir(Path dataDir) {
        return new FileFeedStore(dataDir.resolve("feeds.json"), Clock.systemUTC());
    }

    @Override
    public synchronized Registration register(FeedUrl url) {
        Optional<Feed> existing =
                feeds.stream().filter(f -> f.url().equals(url.value())).findFirst();
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        Instant now = clock.instant();
        Feed feed = new Feed(lastId + 1, url.value(), true, now, null, null, null, null, null, null, 0, 0, now);
        List<Feed> changed = new ArrayList<>(feeds);
        changed.add(feed);
        save(lastId + 1, changed);
        return new Registration(feed, true);
    }

    @Override
    public synchronized List<Feed> list() {
        return List.copyOf(feeds);
    }

    @Override
    public synchronized Optional<Feed> find(long id) {
        return feeds.stream().filter(f -> f.id() == id).findFirst();
    }

    @Override
    public synchronized boolean delete(long id) {
        List<Feed> changed = new ArrayList<>(feeds);
        if (!changed.removeIf(f -> f.id() == id)) {
            return false;
        }
        save(lastId, changed);
        claims.remove(id);
        return true;
    }

    @Override
    public synchronized Optional<Feed> setEnabled(long id, boolean enabled) {
        return find(id).map(f -> replace(new Feed(
                f.id(),
                f.url(),
                enabled,
                f.registeredAt(),
                f.etag(),
                f.lastModified(),
                f.lastPolledAt(),
                f.lastPolledBy(),
                f.lastStatus(),
                f.lastError(),
                f.itemsAdded(),
                f.consecutiveFailures(),
                f.nextPollAt())));
    }

    @Override
    public synchronized List<Feed> claimDue(String poller, int limit, Duration lease) {
        Instant now = clock.instant();
        List<Feed> due = feeds.stream()
                .filter(f -> f.enabled() && !f.nextPollAt().isAfter(now) && free(f.id(), now))
                .sorted(Comparator.comparing(Feed::nextPollAt))
                .limit(limit)
                .toList();
        due.forEach(f -> claims.put(f.id(), new Claim(poller, now.plus(lease))));
        return due;
    }

    @Override
    public synchronized Optional<Feed> claim(long id, String poller, Duration lease) {
        Instant now = clock.instant();
        Optional<Feed> feed = find(id).filter(f -> free(id, now));
        feed.ifPresent(f -> claims.put(id, new Claim(poller, now.plus(lease))));
        return feed;
    }

    @Override
    public synchronized boolean complete(long id, String poller, PollResult result) {
        Claim claim = claims.get(id);
        Optional<Feed> found = find(id);
        if (claim == null || !claim.poller().equals(poller) || found.isEmpty()) {
            return false;
        }
        Feed f = found.get();
        Instant now = clock.instant();
        Validators validators =
                result.validators() != null ? result.validators() : new Validators(f.etag(), f.lastModified());
        replace(new Feed(
                f.id(),
                f.url(),
                f.enabled(),
                f.registeredAt(),
                validators.etag(),
                validators.lastModified(),
                now,
                poller,
                result.status(),
                result.message(),
                f.itemsAdded() + result.itemsAdded(),
                result.failed() ? f.consecutiveFailures() + 1 : 0,
                now.plus(result.nextPollIn())));
        claims.remove(id);
        return true;
    }

    private boolean free(long id, Instant now) {
        Claim claim = claims.get(id);
        return claim == null || claim.until().isBefore(now);
    }

    private Feed replace(Feed feed) {
        List<Feed> changed = new ArrayList<>(feeds);
        changed.replaceAll(f -> f.id() == feed.id() ? feed : f);
        save(lastId, changed);
        return feed;
    }

    /** Writes the file first and changes the list only once it is on disk, so memory never runs ahead of it. */
    private void save(long newLastId, List<Feed> changed) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(new Contents(newLastId, changed))));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not save the registered feeds in " + file.toAbsolutePath()
                            + ": check that the data folder is writable (newsqa.data-dir).",
                    e);
        }
        feeds.clear();
        feeds.addAll(changed);
        lastId = newLastId;
    }

    private static Contents read(Path file) {
        if (!Files.exists(file)) {
            return new Contents(0, List.of());
        }
        try {
            Contents contents = JSON.readValue(file.toFile(), Contents.class);
            return new Contents(contents.lastId(), contents.feeds() == null ? List.of() : contents.feeds());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "The feed list " + file.toAbsolutePath() + " is unreadable (" + e.getMessage()
                            + "). Fix the JSON, or move the file away and register the feeds again.",
                    e);
        }
    }
}
