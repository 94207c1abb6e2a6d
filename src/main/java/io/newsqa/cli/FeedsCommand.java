package io.newsqa.cli;

import io.newsqa.ingest.feed.Feed;
import io.newsqa.ingest.feed.FeedPoller;
import io.newsqa.ingest.feed.FeedStatus;
import io.newsqa.ingest.feed.FeedStore;
import io.newsqa.ingest.feed.FeedUrl;
import io.newsqa.ingest.feed.PollResult;
import io.newsqa.ingest.source.FetchAddressPolicy;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsqa feeds add|list|remove|poll}: the registered feeds from the command line, in the
 * archive's store (with the embedded archive, while no server holds it open).
 */
@Command(
        name = "feeds",
        mixinStandardHelpOptions = true,
        description =
                "Register RSS/Atom feeds that the server polls for new articles, list them with their status, remove them,"
                        + " or poll the due ones once (e.g. from cron, without a server).",
        subcommands = {
            FeedsCommand.Add.class,
            FeedsCommand.ListFeeds.class,
            FeedsCommand.Remove.class,
            FeedsCommand.Poll.class
        })
public final class FeedsCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    static String describe(Feed feed) {
        return String.format(
                "%d  %s  %s%s, %d added, last poll %s%s",
                feed.id(),
                FeedUrl.masked(feed.url()),
                feed.lastStatus() == null ? "not polled yet" : feed.lastStatus().code(),
                feed.enabled() ? "" : " (paused)",
                feed.itemsAdded(),
                feed.lastPolledAt() == null ? "never" : feed.lastPolledAt(),
                feed.lastError() == null ? "" : "; " + feed.lastError());
    }

    static String noSuchFeed(long id) {
        return "No feed with id " + id + "; see `newsqa feeds list`.";
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a feed by its http(s) URL.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "URL", description = "The feed's http or https address.")
        String url;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = CommandContext.start()) {
                FeedUrl feedUrl;
                try {
                    feedUrl = FeedUrl.parse(url, context.getBean(FetchAddressPolicy.class));
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    return 2;
                }
                FeedStore.Registration registration =
                        context.getBean(FeedStore.class).register(feedUrl);
                spec.commandLine()
                        .getOut()
                        .println((registration.created() ? "registered: " : "already registered: ")
                                + describe(registration.feed()));
                return 0;
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the feeds with the status of their last poll.")
    static final class ListFeeds implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = CommandContext.start()) {
                PrintWriter out = spec.commandLine().getOut();
                List<Feed> feeds = context.getBean(FeedStore.class).list();
                feeds.forEach(feed -> out.println(describe(feed)));
                if (feeds.isEmpty()) {
                    out.println("no feeds registered; add one with: newsqa feeds add URL");
                }
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop polling a feed (its articles stay).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The feed's id, as `feeds list` shows it.")
        long id;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = CommandContext.start()) {
                if (!context.getBean(FeedStore.class).delete(id)) {
                    spec.commandLine().getErr().println(noSuchFeed(id));
                    return 1;
                }
                spec.commandLine().getOut().println("removed feed " + id);
                return 0;
            }
        }
    }

    @Command(
            name = "poll",
            mixinStandardHelpOptions = true,
            description =
                    "Poll the feeds that are due (or the one given, due or not) once, print every feed's status, then exit. Exit code 1 when the last poll of a feed (of the one given) failed.")
    static final class Poll implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", arity = "0..1", description = "One feed's id; without it, every due feed.")
        Long id;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = CommandContext.start()) {
                FeedPoller poller = context.getBean(FeedPoller.class);
                FeedStore store = context.getBean(FeedStore.class);
                if (id != null) {
                    if (store.find(id).isEmpty()) {
                        spec.commandLine().getErr().println(noSuchFeed(id));
                        return 1;
                    }
                    Optional<PollResult> result = poller.pollNow(id);
                    if (result.isEmpty()) {
                        spec.commandLine().getErr().println("Feed " + id + " is being polled by a server right now.");
                        return 1;
                    }
                } else {
                    while (poller.pollDue() > 0) {
                        // batch after batch until none is due
                    }
                }
                boolean failed = false;
                for (Feed feed : store.list()) {
                    spec.commandLine().getOut().println(describe(feed));
                    failed |= (id == null || feed.id() == id) && feed.lastStatus() == FeedStatus.ERROR;
                }
                return failed ? 1 : 0;
            }
        }
    }
}
