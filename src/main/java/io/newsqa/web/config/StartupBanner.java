package io.newsqa.web.config;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a new user where the server is and how to ask it something, once it is ready: after the
 * start-up runners (the sample archive, {@code SampleOnServe}), when readiness turns UP, so the
 * question it suggests is answered.
 */
@Component
public class StartupBanner {

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String url = "http://localhost:" + web.getWebServer().getPort();
        System.out.println();
        System.out.println("NewsQA is serving at " + url);
        System.out.println("Chat widget demo: " + url + "/   API docs: " + url + "/api-docs.html");
        System.out.println("Ask it something:");
        System.out.println("  curl -s " + url + "/api/ask -H 'Content-Type: application/json' \\");
        System.out.println("       -d '{\"question\": \"لماذا اتصل بوتين بنتنياهو مرتين؟\"}'");
        System.out.println();
    }
}
