package io.newsqa.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.time.Clock;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    static final String ADMIN_KEY_SCHEME = "adminKey";
    /** Deepest JSON nesting read from a request (the deepest request body is 3 levels). */
    static final int MAX_JSON_DEPTH = 32;

    /** What the widget on another site calls; administration is never called cross-origin. */
    private static final String[] PUBLIC_API = {"/api/ask", "/api/ask/stream", "/api/search"};

    private final WebProperties web;
    private final AdminProperties admin;

    WebConfiguration(WebProperties web, AdminProperties admin) {
        this.web = web;
        this.admin = admin;
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
        registry.addInterceptor(new AdminKeyInterceptor(admin)).addPathPatterns("/api/admin/**", "/api/articles");
        registry.addInterceptor(new RateLimitInterceptor(web.rateLimit(), Clock.systemUTC()))
                .addPathPatterns("/api/ask", "/api/ask/stream");
    }

    /** Bodies over the limits are refused before they are read (API and Telegram webhook). */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit() {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(web.requestLimits()));
        registration.addUrlPatterns("/api/*", "/telegram/*");
        return registration;
    }

    /**
     * JSON nested deeper than any request of this API is refused while it is parsed (400), long
     * before it can cost stack or memory; Jackson's own default allows 1,000 levels.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer shallowJson() {
        StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build();
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
                .info(new Info().title("NewsQA API").version("0.1.0").description(
                        "Questions answered from a news archive with numbered citations (Arabic and English),"
                                + " passage search, and archive administration. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(ADMIN_KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(AdminKeyInterceptor.HEADER)
                        .description("The admin API key (newsqa.admin.api-key)")));
    }
}
