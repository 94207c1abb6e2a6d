package io.newsqa.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers that keep browsers from misreading answers: no content sniffing anywhere, and for
 * NewsQA's own pages a content security policy allowing only their own scripts, styles and API
 * (the pages have no inline script, and archive text is inserted as text). The admin page may
 * not be framed by any site (clickjacking); the demo pages only by NewsQA itself. The chat widget
 * is a script other sites load, not a frame, so it embeds anywhere all the same.
 */
public final class SecurityHeaders extends OncePerRequestFilter {

    static final String ADMIN_PAGE = "/admin.html";
    private static final Set<String> DEMO_PAGES = Set.of("/", "/index.html", "/demo-en.html");
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        String path = request.getRequestURI();
        if (path.equals(ADMIN_PAGE)) {
            response.setHeader("Content-Security-Policy", PAGE_POLICY + " frame-ancestors 'none'");
            response.setHeader("X-Frame-Options", "DENY");
        } else if (DEMO_PAGES.contains(path)) {
            response.setHeader("Content-Security-Policy", PAGE_POLICY + " frame-ancestors 'self'");
        }
        chain.doFilter(request, response);
    }
}
