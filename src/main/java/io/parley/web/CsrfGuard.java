package io.parley.web;

import io.parley.security.Origins;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Cross-site request forgery: the pages' forms change state with the session cookie, so a POST must
 * come from Parley's own pages. Browsers say where a request comes from ({@code Sec-Fetch-Site},
 * {@code Origin}); a cross-site one is refused before it does anything. The cookie is also {@code
 * SameSite=Lax}, which keeps it off cross-site POSTs in the first place. The API is not concerned:
 * it takes Bearer tokens, never the cookie.
 */
@WebFilter(
    urlPatterns = {
      "/rooms",
      "/rooms/*",
      "/direct",
      "/profile",
      "/profile/*",
      "/sign-in",
      "/sign-out",
      "/session/*",
      "/admin",
      "/admin/*",
      "/reports",
      "/reports/*",
      "/saved",
      "/saved/*",
      "/later",
      "/later/*",
      "/threads",
      "/threads/*"
    })
public class CsrfGuard extends HttpFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> TRUSTED_FETCH_SITES = Set.of("same-origin", "none");

  @Inject io.parley.security.SecuritySettings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site form posts are refused");
      return;
    }
    chain.doFilter(request, response);
  }

  boolean crossSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !TRUSTED_FETCH_SITES.contains(site)) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null && !Origins.allowed(origin, host(request), settings.allowedOrigins());
  }

  /** The Host header; over HTTP/2 (no Host header, {@code :authority}) the request's own. */
  private static String host(HttpServletRequest request) {
    String host = request.getHeader("Host");
    return host != null ? host : request.getServerName() + ":" + request.getServerPort();
  }
}
