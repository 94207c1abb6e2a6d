package io.newsqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.support.Seed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands as a shell sees them, run in process on an archive folder of their own: the result
 * alone on standard output, a failure as one sentence on standard error with its exit code.
 */
class CommandBehaviourTest {

    static final Path SEED = Seed.FILE;
    static final String SEED_QUESTION = "لماذا اتصل بوتين بنتنياهو مرتين؟";

    @TempDir
    Path dataDir;

    /** A log line in the server's format from a thread other than the command's (main). */
    static final Pattern OTHER_CONTEXTS_LOG =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+\\w+ \\d+ --- \\[\\s*(?!main])[^]]+].*");
    /** A log line in either format: the commands' own ({@code logback-cli.xml}) or the server's. */
    static final Pattern LOG_LINE = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3} |\\d{4}-\\d\\d-\\d\\dT).*");

    /**
     * What a command printed. Spring contexts that other test classes of this JVM keep open (feed
     * pollers) may log into the captured streams meanwhile; their lines are left out.
     */
    record Run(int exitCode, String rawOut, String err) {

        /** Standard output without other contexts' log lines: a log line of the command's own stays, and fails the tests. */
        String out() {
            return withoutLogRecords(rawOut, OTHER_CONTEXTS_LOG).stream()
                    .map(line -> line + "\n")
                    .collect(Collectors.joining());
        }

        /** Standard error without log lines: what the command itself said. */
        List<String> said() {
            return withoutLogRecords(err, LOG_LINE);
        }

        /**
         * The lines that are not part of a log record matching {@code record}: a record's message
         * may go on over indented lines (a PostgreSQL error's "  Position: 8", a stack trace).
         */
        private static List<String> withoutLogRecords(String text, Pattern record) {
            List<String> kept = new ArrayList<>();
            boolean inRecord = false;
            for (String line : text.lines().toList()) {
                if (record.matcher(line).matches()) {
                    inRecord = true;
                } else if (!(inRecord
                        && (line.startsWith(" ") || line.startsWith("\t") || line.startsWith("Caused by:")))) {
                    inRecord = false;
                    kept.add(line);
                }
            }
            return kept;
        }
    }

    @BeforeEach
    void ownArchive() {
        System.setProperty("newsqa.data-dir", dataDir.resolve("archive").toString());
        System.setProperty("newsqa.db.url", "");
    }

    @AfterEach
    void forget() {
        System.clearProperty("newsqa.data-dir");
        System.clearProperty("newsqa.db.url");
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exitCode = CommandOutput.commandLine(new NewsQa()).execute(args);
            return new Run(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void askOnAnEmptyArchiveSaysHowToFillItWithExitCode2() {
        Run ask = run("ask", SEED_QUESTION);

        assertThat(ask.exitCode()).as(ask.err()).isEqualTo(2);
        assertThat(ask.out()).isEmpty();
        assertThat(ask.said())
                .singleElement()
                .asString()
                .contains("The archive is empty", "newsqa ingest PATH", "newsqa serve");
    }

    @Test
    void ingestAndAskPrintTheirResultAndNothingElseOnStandardOutput() {
        Run ingest = run("ingest", "--no-progress", SEED.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out().strip()).startsWith("added 1").doesNotContain("\n");

        Run ask = run("ask", SEED_QUESTION);

        assertThat(ask.exitCode()).as(ask.err()).isZero();
        List<String> lines = ask.out().lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines.get(0)).contains("بوتين").contains("[1]");
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line).matches("\\[\\d+] .*"));
        assertThat(ask.out()).doesNotContain("INFO", "WARN", "CUDA");
        assertThat(ask.err()).as("quiet by default").doesNotContain("INFO");
    }

    @Test
    void anArchiveHeldByARunningServerIsOneSentenceNamingItsApiWithExitCode3() {
        try (LuceneArchive server = LuceneArchive.open(
                dataDir.resolve("archive"),
                "all-minilm-l6-v2-q",
                new AllMiniLmL6V2QuantizedEmbeddingModel().dimension())) {
            Run ask = run("ask", SEED_QUESTION);
            Run ingest = run("ingest", "--no-progress", SEED.toString());

            assertThat(ask.exitCode()).isEqualTo(CommandFailure.ARCHIVE_IN_USE);
            assertThat(ask.out()).isEmpty();
            assertThat(ask.said())
                    .as(ask.err())
                    .singleElement()
                    .asString()
                    .contains("in use by a running NewsQA server", "/api/ask")
                    .doesNotContain("Exception");
            assertThat(ingest.exitCode()).isEqualTo(CommandFailure.ARCHIVE_IN_USE);
            assertThat(ingest.said())
                    .as(ingest.err())
                    .singleElement()
                    .asString()
                    .contains("POST /api/admin/articles");
        }
    }

    @Test
    void withoutATerminalTheProgressIsAFullLineEveryFewSeconds() throws Exception {
        List<String> lines = new ArrayList<>();
        try (ProgressBar bar =
                Progress.bar("ingest", 2048, " KB", false, lines::add).build()) {
            bar.stepTo(1024);
        }

        assertThat(lines).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\r"));
        assertThat(lines.get(lines.size() - 1))
                .contains("ingest", "1024/2048 KB")
                .matches(".*\\[=+.*].*");
    }
}
