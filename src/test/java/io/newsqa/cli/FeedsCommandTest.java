package io.newsqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.ingest.feed.FeedServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsqa feeds ...} end to end: the real application on an embedded archive in a temporary
 * folder (each command starts it, so the runs are few).
 */
class FeedsCommandTest {

    @TempDir
    Path dataDir;

    private FeedServer feeds;

    private record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void start() {
        System.setProperty("newsqa.data-dir", dataDir.toString());
        System.setProperty("newsqa.db.url", "");
        System.setProperty("newsqa.fetch.allowed-hosts", FeedServer.ALLOWED_HOSTS);
        feeds = new FeedServer();
    }

    @AfterEach
    void stop() {
        feeds.close();
        System.clearProperty("newsqa.data-dir");
        System.clearProperty("newsqa.db.url");
        System.clearProperty("newsqa.fetch.allowed-hosts");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new NewsQa());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void aFeedIsAddedPolledListedAndRemoved() {
        feeds.publish("/rss", List.of(FeedServer.item("cli-1"), FeedServer.item("cli-2")));

        Run refused = run("feeds", "add", "ftp://news.example/rss.xml");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("not an http or https URL");

        Run added = run("feeds", "add", feeds.url("/rss"));
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("registered: 1  " + feeds.url("/rss") + "  not polled yet");

        Run polled = run("feeds", "poll");
        assertThat(polled.exitCode()).as(polled.err()).isZero();
        assertThat(polled.out()).contains(feeds.url("/rss") + "  ok, 2 added");
        assertThat(feeds.requests("/rss")).hasSize(1);

        assertThat(run("feeds", "remove", "1").exitCode()).isZero();
        Run gone = run("feeds", "remove", "1");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("No feed with id 1");
    }
}
