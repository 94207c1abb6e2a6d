package io.newsqa.cli;

import io.newsqa.NewsQaApplication;
import io.newsqa.ingest.SampleOnServe;
import io.newsqa.ingest.SampleOnServe.When;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Start the web server (the default command). An empty embedded archive in ./data gets the sample articles first.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: 8080, or SERVER_PORT).")
    Integer port;

    @Option(names = "--no-sample", description = "Do not load the sample articles into an empty archive.")
    boolean noSample;

    @Option(
            names = "--sample",
            description = "Load the sample articles into an empty archive even in PostgreSQL or a"
                    + " chosen data folder (by default only the embedded archive in ./data gets them).")
    boolean sample;

    @Override
    public Integer call() throws InterruptedException {
        SpringApplicationBuilder builder =
                new SpringApplicationBuilder(NewsQaApplication.class).web(WebApplicationType.SERVLET);
        if (port != null) {
            builder.properties("server.port=" + port);
        }
        // Loaded by SampleOnServe before the server reports ready, so the first question finds it.
        builder.properties(
                SampleOnServe.PROPERTY + "=" + (noSample ? When.NEVER : sample ? When.ALWAYS : When.DEFAULT));
        ConfigurableApplicationContext context = builder.run();
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        closed.await();
        return 0;
    }
}
