package io.newsqa.cli;

import io.newsqa.NewsQaApplication;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.SampleArchive;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web server (the default command). With an empty archive, loads the sample articles first.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: 8080, or SERVER_PORT).")
    Integer port;

    @Option(names = "--no-sample", description = "Do not load the sample articles into an empty archive.")
    boolean noSample;

    @Override
    public Integer call() throws InterruptedException {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(NewsQaApplication.class).web(WebApplicationType.SERVLET);
        if (port != null) {
            builder.properties("server.port=" + port);
        }
        ConfigurableApplicationContext context = builder.run();
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (!noSample) {
            IngestReport report = context.getBean(SampleArchive.class).loadIfEmpty();
            if (report.countOf(IngestOutcome.ADDED) > 0 || !report.rejections().isEmpty()) {
                System.out.println("Sample archive: " + report.summary());
            }
        }
        closed.await();
        return 0;
    }
}
