package io.newsqa.web;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a new user where the server is and how to ask it something, once it listens. */
@Component
class StartupBanner {

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        String url = "http://localhost:" + event.getWebServer().getPort();
        System.out.println();
        System.out.println("NewsQA is serving at " + url);
        System.out.println("Chat widget demo: " + url + "/   API docs: " + url + "/api-docs.html");
        System.out.println("Ask it something:");
        System.out.println("  curl -s " + url + "/api/ask -H 'Content-Type: application/json' \\");
        System.out.println("       -d '{\"question\": \"لماذا اتصل بوتين بنتنياهو مرتين؟\"}'");
        System.out.println();
    }
}
