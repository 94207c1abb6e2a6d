package io.newsqa.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;

/** A WireMock server started on a free port of the loopback address, for the stubs of a test. */
public final class LocalHttpServer {

    private LocalHttpServer() {}

    /**
     * The loopback address, a free port and HTTP/1.1 only (the JDK client would otherwise upgrade
     * to cleartext HTTP/2), for a test to add its own settings to.
     */
    public static WireMockConfiguration options() {
        return WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .http2PlainDisabled(true);
    }

    public static WireMockServer start(Extension... extensions) {
        return start(options().extensions(extensions));
    }

    public static WireMockServer start(WireMockConfiguration options) {
        WireMockServer server = new WireMockServer(options);
        server.start();
        return server;
    }

    /** The server's origin by its IP address: what the fetchers' address policy of a test allows. */
    public static String origin(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }
}
