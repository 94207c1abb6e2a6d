package io.newsqa.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFeedStoreTest extends FeedStoreContract {

    @TempDir
    Path dataDir;

    private FileFeedStore store;

    /** One instance, as in the app: claims live in its memory. Re-reading the file is tested below. */
    @Override
    FeedStore store() {
        if (store == null) {
            store = new FileFeedStore(dataDir.resolve("feeds.json"), Clock.systemUTC());
        }
        return store;
    }

    @Test
    void theFeedsSurviveARestartAndNoTemporaryFileIsLeft() throws Exception {
        long id = store().register(url("rss.xml")).feed().id();
        store().claim(id, "a", LEASE);
        store().complete(id, "a", ok(5, new Validators("\"e\"", null)));
        store().register(url("atom.xml"));

        FileFeedStore restarted = new FileFeedStore(dataDir.resolve("feeds.json"), Clock.systemUTC());

        assertThat(restarted.list()).isEqualTo(store().list());
        assertThat(restarted.register(url("third.xml")).feed().id())
                .as("ids never reused")
                .isEqualTo(id + 2);
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(dataDir.resolve("feeds.json"));
        }
    }

    @Test
    void anUnreadableFeedFileStopsTheStartWithWhatToDo() throws Exception {
        Files.writeString(dataDir.resolve("feeds.json"), "{ not json");

        assertThatThrownBy(() -> new FileFeedStore(dataDir.resolve("feeds.json"), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("feeds.json")
                .hasMessageContaining("register the feeds again");
    }
}
