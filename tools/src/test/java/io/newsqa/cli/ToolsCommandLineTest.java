package io.newsqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsCommandLineTest {

    @Test
    void helpListsTheToolsAndTheProductsCommandsAreNotAmongThem() {
        CommandRun run = CommandRun.of(new NewsQaTools(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("eval", "bench-ingest", "bench-search", "bench-stories", "load");
        assertThat(run.out()).doesNotContain("copy-archive", "link-stories", "reembed");
    }

    @Test
    void evalRefusesASamplingStepBelowOneBeforeStartingAnything() {
        assertThat(evalErrors("--answers", "--answers-every", "0", "missing.json"))
                .contains("--answers-every must be 1 or more");
        assertThat(EvalCommand.answersChart(Path.of("out", "eval.png"))).isEqualTo(Path.of("out", "eval-answers.png"));
    }

    @Test
    void evalRefusesAnUnknownSplitAndAMissingBackgroundBeforeStartingAnything(@TempDir Path dir) throws IOException {
        Path squad = Files.writeString(dir.resolve("small.en.json"), """
                {"data": [{"title": "A", "paragraphs": [{"context": "The tram opens in June.",
                  "qas": [{"id": "q1", "question": "When does the tram open?", "answers": [{"text": "June"}]}]}]},
                          {"title": "B", "paragraphs": [{"context": "The museum reopened.",
                  "qas": [{"id": "q2", "question": "What reopened?", "answers": [{"text": "The museum"}]}]}]}]}
                """);

        assertThat(evalErrors(squad.toString(), "--split", "train"))
                .contains("--split must be dev, test or all, not 'train'");
        assertThat(evalErrors(
                        squad.toString(),
                        "--background",
                        dir.resolve("2015-07-22.zip").toString()))
                .contains("2015-07-22.zip: no such file or folder");
    }

    /** Runs {@code eval}, which must exit with 2 before starting anything; returns what it wrote to stderr. */
    private static String evalErrors(String... args) {
        CommandRun run = CommandRun.of(new NewsQaTools(), "eval", args);
        assertThat(run.exitCode()).isEqualTo(2);
        return run.err();
    }
}
