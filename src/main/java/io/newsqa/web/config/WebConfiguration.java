package io.newsqa.web.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.newsqa.channel.AnswerWriters;
import io.newsqa.web.WebProperties;
import io.newsqa.web.admin.AdminKeyInterceptor;
import io.newsqa.web.admin.AdminProperties;
import io.newsqa.web.admin.MetricsKeyFilter;
import io.newsqa.web.security.ClientConcurrencyLimit;
import io.newsqa.web.security.RateLimitInterceptor;
import io.newsqa.web.security.RequestBodyLimits;
import io.newsqa.web.security.SecurityHeaders;
import io.newsqa.web.security.UnreadBodyHeader;
import io.newsqa.web.security.UnreadBodyValve;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson2.autoconfigure.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web channel's wiring: who may call the public API from other sites (CORS), the admin key
 * on administration, the rate limit on questions, the OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebProperties.class, AdminProperties.class})
public class WebConfiguration implements WebMvcConfigurer {

    /** Deepest JSON nesting read from a request (the deepest request body is 3 levels). */
    static final int MAX_JSON_DEPTH = 32;

    /** What the widget on another site calls; administration is never called cross-origin. */
    private static final String[] PUBLIC_API = {"/api/ask", "/api/ask/stream", "/api/search"};

    private final WebProperties web;
    private final AdminKeyInterceptor adminKey;

    WebConfiguration(WebProperties web, AdminProperties admin) {
        this.web = web;
        this.adminKey = new AdminKeyInterceptor(admin);
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (web.allowedOrigins().isEmpty()) {
            return; // same origin only: browsers refuse cross-origin calls without CORS headers
        }
        for (String path : PUBLIC_API) {
            registry.addMapping(path)
                    .allowedOrigins(web.allowedOrigins().toArray(String[]::new))
                    .allowedMethods("GET", "POST")
                    .allowedHeaders("Content-Type", "Accept")
                    .maxAge(3600);
        }
        // The widget's "new conversation" button.
        registry.addMapping("/api/conversations/*")
                .allowedOrigins(web.allowedOrigins().toArray(String[]::new))
                .allowedMethods("DELETE")
                .maxAge(3600);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(adminKey).addPathPatterns("/api/admin/**", "/api/articles");
        registry.addInterceptor(new RateLimitInterceptor(web.rateLimit(), Clock.systemUTC(), "questions"))
                .addPathPatterns("/api/ask", "/api/ask/stream");
        registry.addInterceptor(new RateLimitInterceptor(web.searchRateLimit(), Clock.systemUTC(), "searches"))
                .addPathPatterns("/api/search");
    }

    /**
     * The threads that write streamed answers, so that request threads are not held for a whole
     * answer: four at once, 64 waiting, then a stream is refused with 503 and Retry-After.
     */
    @Bean(destroyMethod = "close")
    AnswerWriters answerStreams() {
        return new AnswerWriters("answer-stream", 4, 64);
    }

    /** Before anything else: a client over its share of requests in progress is refused unread. */
    @Bean
    FilterRegistrationBean<ClientConcurrencyLimit> clientConcurrencyLimit() {
        FilterRegistrationBean<ClientConcurrencyLimit> registration =
                new FilterRegistrationBean<>(new ClientConcurrencyLimit(web.maxRequestsPerClient()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Metrics only with the admin key. */
    @Bean
    FilterRegistrationBean<MetricsKeyFilter> metricsKeyFilter() {
        FilterRegistrationBean<MetricsKeyFilter> registration =
                new FilterRegistrationBean<>(new MetricsKeyFilter(adminKey));
        registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** Warns the client when its connection is to close after a body left unread. */
    @Bean
    FilterRegistrationBean<UnreadBodyHeader> unreadBodyHeader() {
        FilterRegistrationBean<UnreadBodyHeader> registration = new FilterRegistrationBean<>(new UnreadBodyHeader());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Bodies over the limits are refused before they are read, or cut off when too slow (API and Telegram webhook). */
    @Bean
    FilterRegistrationBean<RequestBodyLimits> requestBodyLimits() {
        FilterRegistrationBean<RequestBodyLimits> registration =
                new FilterRegistrationBean<>(new RequestBodyLimits(web.requestLimits()));
        registration.addUrlPatterns("/api/*", "/telegram/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Tomcat's side of the body limits: a read waiting on a silent client ends after the body's
     * time limit (the upload timeout; the default would wait the connection timeout of 60 s), and
     * a body left unread is not drained ({@link UnreadBodyValve}).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> bodyReadLimits() {
        // A silence this long is too slow for any body, article uploads included.
        int uploadTimeout = (int) web.requestLimits().maxRequestTime().toMillis();
        return factory -> {
            // Outermost, so that the answer (error pages included) is complete when it acts.
            factory.addEngineValves(new UnreadBodyValve());
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setDisableUploadTimeout(false);
                    http.setConnectionUploadTimeout(uploadTimeout);
                }
            });
        };
    }

    /**
     * JSON nested deeper than any request of this API is refused while it is parsed (400), long
     * before it can cost stack or memory; Jackson's own default allows 1,000 levels.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer shallowJson() {
        StreamReadConstraints constraints =
                StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }

    /** {@code {"question": 42}} is a 400 naming the field, not a question about "42" ({@link JsonTypeErrors}). */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder.postConfigurer(JsonTypeErrors::refuseScalarsAsText);
    }

    @Bean
    OpenAPI newsQaOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("NewsQA API")
                                .version("0.1.0")
                                .description(
                                        "Questions answered from a news archive with numbered citations (Arabic and English),"
                                                + " passage search, and archive administration. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes(
                                AdminKeyInterceptor.OPENAPI_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(AdminKeyInterceptor.HEADER)
                                        .description("The admin API key (newsqa.admin.api-key)")));
    }
}
