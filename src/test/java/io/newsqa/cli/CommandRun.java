package io.newsqa.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One command run in this JVM as {@code java -jar newsqa.jar ARGS} would run it, with what it printed. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String command, String... args) {
        return of(new NewsQa(), command, args);
    }

    /** As above, under another picocli root (the tools module's {@code NewsQaTools}). */
    static CommandRun of(Object root, String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = new CommandLine(root).execute(all);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new CommandRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
