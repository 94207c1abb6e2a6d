package io.newsqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    @Test
    void helpListsTheCommands() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new NewsQa());
        commandLine.setOut(new PrintWriter(out));

        int exitCode = commandLine.execute("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("serve", "ingest", "ask");
    }

    @Test
    void ingestNeedsAPath() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new NewsQa());
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("ingest");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("PATH");
    }

    @Test
    void evalRefusesASamplingStepBelowOneBeforeStartingAnything() {
        assertThat(evalErrors("eval", "--answers", "--answers-every", "0", "missing.json"))
                .contains("--answers-every must be 1 or more");
        assertThat(EvalCommand.answersChart(Path.of("out", "eval.png"))).isEqualTo(Path.of("out", "eval-answers.png"));
    }

    @Test
    void evalRefusesAnUnknownSplitAndAMissingBackgroundBeforeStartingAnything(
            @org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path squad = java.nio.file.Files.writeString(dir.resolve("small.en.json"), """
                {"data": [{"title": "A", "paragraphs": [{"context": "The tram opens in June.",
                  "qas": [{"id": "q1", "question": "When does the tram open?", "answers": [{"text": "June"}]}]}]},
                          {"title": "B", "paragraphs": [{"context": "The museum reopened.",
                  "qas": [{"id": "q2", "question": "What reopened?", "answers": [{"text": "The museum"}]}]}]}]}
                """);

        assertThat(evalErrors("eval", squad.toString(), "--split", "train"))
                .contains("--split must be dev, test or all, not 'train'");
        assertThat(evalErrors(
                        "eval",
                        squad.toString(),
                        "--background",
                        dir.resolve("2015-07-22.zip").toString()))
                .contains("2015-07-22.zip: no such file or folder");
    }

    /** Runs a command that must exit with 2 before starting anything; returns what it wrote to stderr. */
    private static String evalErrors(String command, String... args) {
        CommandRun run = CommandRun.of(command, args);
        assertThat(run.exitCode()).isEqualTo(2);
        return run.err();
    }
}
