package io.newsqa.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
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
