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
        return new SpringApplicationBuilder(NewsQaApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run();
    }
}
