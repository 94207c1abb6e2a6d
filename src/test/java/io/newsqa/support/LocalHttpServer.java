package io.newsqa.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;

/** A WireMock server started on a free port of the loopback address, for the stubs of a test. */
public final class LocalHttpServer {

    private LocalHttpServer() {}

    public static WireMockServer start(Extension... extensions) {
        WireMockServer server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().extensions(extensions));
        server.start();
        return server;
    }

    /** The server's origin by its IP address: what the fetchers' address policy of a test allows. */
    public static String origin(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }
}
