package io.newsqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
