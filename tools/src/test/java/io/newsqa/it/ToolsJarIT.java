package io.newsqa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools jar as a user runs it: {@code eval} on a small SQuAD file, its figures, JSON and chart.
 * Runs in the integration-test phase, after {@code tools/target/newsqa-tools.jar} is built.
 */
class ToolsJarIT {

    private static final Path JAR = Path.of("target", "newsqa-tools.jar");

    @TempDir
    Path dir;

    @Test
    void helpListsTheTools() throws Exception {
        JarCommand.Run help = JarCommand.run(JAR, dir, List.of(), Map.of(), "--help");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("eval", "bench-search", "load");
    }

    @Test
    void evalMeasuresASmallSetAndDrawsItsChart() throws Exception {
        Path squad = Files.writeString(dir.resolve("small.en.json"), """
                {"data": [{"title": "A", "paragraphs": [{"context": "The tram line opens in June after four years of work.",
                  "qas": [{"id": "q1", "question": "When does the tram line open?", "answers": [{"text": "June"}]}]}]},
                          {"title": "B", "paragraphs": [{"context": "The city museum reopened with a new wing for maps.",
                  "qas": [{"id": "q2", "question": "What reopened with a new wing?", "answers": [{"text": "The city museum"}]}]}]}]}
                """);
        Path json = dir.resolve("eval.json");
        Path chart = dir.resolve("eval.png");

        JarCommand.Run eval = JarCommand.run(
                JAR,
                dir,
                List.of(),
                Map.of(),
                "eval",
                squad.toString(),
                "--archive",
                "embedded",
                "--json",
                json.toString(),
                "--chart",
                chart.toString());

        assertThat(eval.exitCode()).as(eval.output()).isZero();
        assertThat(eval.output()).contains("hybrid");
        assertThat(Files.readString(json)).contains("\"results\"", "\"recallAt1\"");
        assertThat(Files.size(chart)).isPositive();
    }
}
