package io.newsqa.cli;

import io.newsqa.NewsQaApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application without its web server, for commands that run once and exit. */
final class CommandContext {

    private CommandContext() {
    }

    static ConfigurableApplicationContext start() {
        return builder().run();
    }

    /**
     * For a command that closes the context itself when told to stop: Spring's own shutdown hook
     * would close the archive under it while it is still storing.
     */
    static ConfigurableApplicationContext startWithoutShutdownHook() {
        return builder().registerShutdownHook(false).run();
    }

    private static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(NewsQaApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false);
    }
}
