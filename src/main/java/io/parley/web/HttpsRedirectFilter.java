package io.parley.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * HTTPS by default: a plain-HTTP page request is redirected to the HTTPS port (301), anything else
 * over plain HTTP is refused, so cookies and messages never cross the network in clear. Behind a
 * trusted proxy that terminates TLS, its {@code X-Forwarded-Proto: https} counts as HTTPS. The
 * redirect goes to the configured public URL ({@code parley.public-url}). Health and metrics are
 * Liberty's own endpoints, outside this filter, so probes keep HTTP.
 */
@WebFilter(urlPatterns = "/*")
public class HttpsRedirectFilter extends HttpFilter {

  @Inject WebSettings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!settings.httpsRedirect() || Requests.secure(request) || isPublicKeys(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "use HTTPS");
      return;
    }
    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
    response.setHeader("Location", httpsUrl(request, settings.publicUrl()));
  }

  /**
   * The development sign-in's public keys stay reachable over plain HTTP: the server reads them
   * from itself at that address (production verifies the IdP's keys, fetched over HTTPS).
   */
  private static boolean isPublicKeys(HttpServletRequest request) {
    return "/.well-known/jwks.json".equals(request.getServletPath());
  }

  /**
   * The same path on the configured public address, never on the request's Host header, which
   * anyone can write (a redirect to {@code https://evil.example/...} otherwise).
   */
  static String httpsUrl(HttpServletRequest request, String publicUrl) {
    String query = request.getQueryString();
    return publicUrl.replaceAll("/+$", "")
        + request.getRequestURI()
        + (query == null ? "" : "?" + query);
  }
}
