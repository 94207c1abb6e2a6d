package io.newsqa.cli;

import io.newsqa.NewsQaApplication;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The application without its web server, for commands that run once and exit. Their standard
 * output is their result alone: logs go to standard error ({@code logback-cli.xml}), warnings and
 * errors only unless {@code --verbose}; the ONNX runtime's GPU probe warnings never.
 */
final class CommandContext {

    /** What a command tells the user to use instead when a running server holds the archive. */
    static final String SERVER_API = "use the server's API instead (http://localhost:8080/api-docs.html by default)";

    private CommandContext() {}

    static ConfigurableApplicationContext start() {
        return start(SERVER_API);
    }

    /**
     * @param serverInstead what to do instead when a running server holds the archive, e.g. "ask
     *                      it: POST http://localhost:8080/api/ask"
     */
    static ConfigurableApplicationContext start(String serverInstead) {
        return run(builder(), serverInstead);
    }

    /**
     * For a command that closes the context itself when told to stop: Spring's own shutdown hook
     * would close the archive under it while it is still storing.
     */
    static ConfigurableApplicationContext startWithoutShutdownHook(String serverInstead) {
        return run(builder().registerShutdownHook(false), serverInstead);
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, String serverInstead) {
        try {
            return builder.run();
        } catch (RuntimeException e) {
            CommandFailure failure = CommandFailure.of(e, serverInstead);
            throw failure != null ? failure : e;
        }
    }

    private static SpringApplicationBuilder builder() {
        boolean verbose = CommandOutput.verbose();
        // Above application.yml (which sets io.newsqa to INFO for the server): a property source of
        // its own, first, rather than default properties, which everything else overrides.
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "newsqa-command-logging",
                        Map.of(
                                "logging.config", "classpath:logback-cli.xml",
                                "logging.level.root", verbose ? "WARN" : "ERROR",
                                "logging.level.io.newsqa", verbose ? "INFO" : "WARN",
                                // DJL probes for CUDA on every start and warns when there is none: not news.
                                "logging.level.ai.djl.util.cuda", "ERROR",
                                // A failed start is reported once, by the command line (CommandOutput), not also here.
                                "logging.level.org.springframework.boot.SpringApplication", verbose ? "ERROR" : "OFF",
                                "logging.level.org.springframework.boot.diagnostics", verbose ? "ERROR" : "OFF")));
        return new SpringApplicationBuilder(NewsQaApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .environment(environment);
    }
}
