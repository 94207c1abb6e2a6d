package io.newsqa.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --verbose}, mixed into each picocli root (the product's and the tools') and inherited by every command. */
public final class VerboseOption {

    /** A setter because the value belongs to the whole run. */
    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description =
                    "Log the application's progress and every warning (on standard error), and stack traces of failures.")
    void verbose(boolean on) {
        CommandOutput.verbose(on);
    }
}
