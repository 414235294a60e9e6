package io.parley.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Headers every response carries: no inline script, no framing, no MIME sniffing; over HTTPS, HSTS.
 * Forms may post only here, and to the identity provider when one is configured (signing out ends
 * its session through a redirect, which {@code form-action} also governs).
 */
@WebFilter(
    urlPatterns = "/*",
    dispatcherTypes = {
      jakarta.servlet.DispatcherType.REQUEST,
      jakarta.servlet.DispatcherType.ERROR
    })
public class SecurityHeadersFilter extends HttpFilter {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  @Inject io.parley.security.SecuritySettings settings;

  private String csp = CSP;

  @Override
  public void init() {
    settings
        .oidcIssuer()
        .map(URI::create)
        .map(u -> u.getScheme() + "://" + u.getAuthority())
        .ifPresent(idp -> csp = CSP + " " + idp);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", csp);
    if (Requests.secure(request)) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Frame-Options", "DENY");
    chain.doFilter(request, response);
  }
}
