package io.newsqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsqa.support.FaultLog;
import io.newsqa.support.SaudiNewsNet;
import io.newsqa.support.Slow;
import io.newsqa.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsqa ingest} in child processes over real SaudiNewsNet articles, interrupted or raced,
 * ends with exactly the articles and chunks of one ingest that ran undisturbed: killed with
 * SIGKILL and run again (PostgreSQL and embedded), stopped with SIGTERM (stops after what it had
 * read, then the rerun goes on), and two instances on one PostgreSQL at the same time. Only the
 * first runs in the normal build; the others are tagged {@value #SLOW_FAULT} for scripts/faults.sh.
 */
@Slow
@ExtendWith(FaultLog.class)
class IngestFaultsTest {

    private static final int ARTICLES = 150;
    private static final long RUN_MINUTES = 10;
    /** Several minutes of child ingests each: run by scripts/faults.sh, not by every ./mvnw verify. */
    static final String SLOW_FAULT = "slow-fault";

    @TempDir
    static Path dir;

    static Path dump;
    /** What one undisturbed ingest of the dump stores, per archive kind. */
    private static IngestTarget postgresReference;

    private static IngestTarget embeddedReference;
    private static final List<IngestTarget> targets = new ArrayList<>();

    @BeforeAll
    static void dump() throws IOException {
        dump = shortArticlesOf(SaudiNewsNet.day("2015-07-23.zip"), ARTICLES);
    }

    /** What one undisturbed ingest of the dump stores in PostgreSQL, made once for the tests that need it. */
    static synchronized IngestTarget postgresReference() throws Exception {
        if (postgresReference == null) {
            postgresReference = undisturbed(postgres("clean"));
        }
        return postgresReference;
    }

    static synchronized IngestTarget embeddedReference() throws Exception {
        if (embeddedReference == null) {
            embeddedReference = undisturbed(IngestTarget.embedded(dir.resolve("embedded-clean"), dir));
        }
        return embeddedReference;
    }

    private static IngestTarget undisturbed(IngestTarget target) throws Exception {
        Process run = target.ingest(dump, "clean");
        assertThat(run.waitFor(RUN_MINUTES, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(target.outputOf("clean")).isZero();
        return target;
    }

    @AfterAll
    static void dropSchemas() {
        targets.forEach(IngestTarget::remove);
    }

    private static IngestTarget postgres(String prefix) {
        IngestTarget target = IngestTarget.postgres(TestDatabase.freshSchemaName(prefix), dir);
        targets.add(target);
        return target;
    }

    @Test
    void killedMidwayOnPostgresAndRunAgainEveryArticleIsStoredExactlyOnce() throws Exception {
        killAndRerun(postgres("killed"), postgresReference(), "postgres");
    }

    @Test
    @Tag(SLOW_FAULT)
    void killedMidwayOnTheEmbeddedArchiveAndRunAgainEveryArticleIsStoredExactlyOnce() throws Exception {
        killAndRerun(IngestTarget.embedded(dir.resolve("embedded-killed"), dir), embeddedReference(), "embedded");
    }

    private static void killAndRerun(IngestTarget target, IngestTarget reference, String kind) throws Exception {
        Process first = target.ingest(dump, "first");
        long storedAtKill = target.awaitStored(30, first, "first");
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long storedAfterKill = target.storedSoFar();

        Process rerun = target.ingest(dump, "rerun");
        assertThat(rerun.waitFor(RUN_MINUTES, TimeUnit.MINUTES)).isTrue();

        List<String> ids = target.articleIds();
        List<String> expected = reference.articleIds();
        FaultLog.record(
                "ingest-killed-" + kind,
                "SIGKILL mid-ingest, rerun: every article exactly once",
                String.format(
                        "killed at %d of %d articles; after rerun %d articles (%d missing, %d extra), chunks %s",
                        storedAfterKill,
                        expected.size(),
                        ids.size(),
                        missing(expected, ids),
                        missing(ids, expected),
                        target.chunks().equals(reference.chunks()) ? "identical" : "DIFFERENT"));

        assertThat(storedAtKill).isPositive();
        assertThat(storedAfterKill).as("killed part-way").isLessThan(expected.size());
        assertThat(rerun.exitValue()).as(target.outputOf("rerun")).isZero();
        assertThat(ids).isEqualTo(expected);
        assertThat(target.chunks()).isEqualTo(reference.chunks());
        assertThat(target.outputOf("rerun")).contains("unchanged " + storedAfterKill);
    }

    @Test
    @Tag(SLOW_FAULT)
    void stoppedBySigtermItStoresWhatItHadReadAndExitsThenTheRerunGoesOn() throws Exception {
        IngestTarget target = postgres("sigterm");
        Process first = target.ingest(dump, "first");
        target.awaitStored(30, first, "first");
        long signalled = System.nanoTime();
        first.destroy(); // SIGTERM
        assertThat(first.waitFor(60, TimeUnit.SECONDS))
                .as("exits within its shutdown wait")
                .isTrue();
        long exitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
        long storedAtStop = target.storedSoFar();
        String firstOutput = target.outputOf("first");

        Process rerun = target.ingest(dump, "rerun");
        assertThat(rerun.waitFor(RUN_MINUTES, TimeUnit.MINUTES)).isTrue();
        List<String> expected = postgresReference().articleIds();
        FaultLog.record(
                "ingest-sigterm",
                "SIGTERM: stores what it read, exits; rerun continues, every article once",
                String.format(
                        "exited %d ms after SIGTERM with %d of %d articles stored; rerun: %s",
                        exitMillis,
                        storedAtStop,
                        expected.size(),
                        target.articleIds().equals(expected) ? "complete, no doubles" : "WRONG"));

        assertThat(firstOutput)
                .as("it said it stopped early, and its summary counts what it stored")
                .contains("stopped before the end")
                .contains("added " + storedAtStop);
        assertThat(storedAtStop).isLessThan(expected.size());
        assertThat(target.articleIds()).isEqualTo(expected);
        assertThat(target.chunks()).isEqualTo(postgresReference().chunks());
        assertThat(target.outputOf("rerun"))
                .contains("added " + (expected.size() - storedAtStop))
                .contains("unchanged " + storedAtStop);
    }

    @Test
    @Tag(SLOW_FAULT)
    void twoInstancesIngestingTheSameFilesIntoOnePostgresStoreEveryArticleOnce() throws Exception {
        IngestTarget target = postgres("twice");
        Process one = target.ingest(dump, "one");
        Process two = target.ingest(dump, "two");
        assertThat(one.waitFor(RUN_MINUTES, TimeUnit.MINUTES)).isTrue();
        assertThat(two.waitFor(RUN_MINUTES, TimeUnit.MINUTES)).isTrue();

        List<String> expected = postgresReference().articleIds();
        int addedOne = added(target.outputOf("one"));
        int addedTwo = added(target.outputOf("two"));
        FaultLog.record(
                "ingest-two-instances",
                "two ingests of the same files at once: every article and chunk once, none embedded twice",
                String.format(
                        "%d articles (reference %d); added by one %d, by two %d; chunks %s",
                        target.articleIds().size(),
                        expected.size(),
                        addedOne,
                        addedTwo,
                        target.chunks().equals(postgresReference().chunks()) ? "identical" : "DIFFERENT"));

        assertThat(one.exitValue()).as(target.outputOf("one")).isZero();
        assertThat(two.exitValue()).as(target.outputOf("two")).isZero();
        assertThat(target.articleIds()).isEqualTo(expected);
        assertThat(target.chunks()).isEqualTo(postgresReference().chunks());
        assertThat(addedOne + addedTwo)
                .as("no article stored (so embedded) by both")
                .isEqualTo(expected.size());
    }

    private static int added(String output) {
        var matcher = java.util.regex.Pattern.compile("added (\\d+)").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static long missing(List<String> from, List<String> in) {
        return from.stream().filter(id -> !in.contains(id)).count();
    }

    /** The first articles of a SaudiNewsNet day that have a title and a short text, as a JSON dump. */
    private static Path shortArticlesOf(Path zip, int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode picked = json.createArrayNode();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry).isNotNull();
            for (JsonNode article : json.readTree((InputStream) in)) {
                if (picked.size() < count
                        && !article.path("title").asText().isBlank()
                        && article.path("content").asText().length() > 200
                        && article.path("content").asText().length() < 1200) {
                    picked.add(article);
                }
            }
        }
        return Files.writeString(dir.resolve("short-articles.json"), json.writeValueAsString(picked));
    }
}
