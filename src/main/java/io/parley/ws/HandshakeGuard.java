package io.parley.ws;

import io.parley.common.RateLimits;
import io.parley.security.Origins;
import io.parley.security.SecuritySettings;
import io.parley.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a WebSocket handshake before the upgrade: 403 for a foreign Origin, 401 without a valid
 * token. {@link ChatConfigurator} then binds the verified user to the new session.
 */
@WebFilter(urlPatterns = "/ws")
public class HandshakeGuard extends HttpFilter {

  @Inject SecuritySettings settings;
  @Inject RateLimits limits;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var verdict = limits.tryAcquire(RateLimits.Kind.HANDSHAKES, clientAddress(request));
    if (!verdict.allowed()) {
      response.setHeader("Retry-After", String.valueOf(verdict.retryAfterSeconds()));
      response.sendError(429, "too many connection attempts");
      return;
    }
    if (!Origins.allowed(
        request.getHeader("Origin"), request.getHeader("Host"), settings.allowedOrigins())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "origin not allowed");
      return;
    }
    // The authentication mechanism verified the cookie or Bearer token before this filter.
    if (request.getAttribute(SignedIn.REQUEST_ATTRIBUTE) == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "sign in first");
      return;
    }
    ChatConfigurator.handshakeFrom(request.getHeader("Sec-WebSocket-Key"), clientAddress(request));
    chain.doFilter(request, response);
  }

  /** The client's address: the socket's peer, or behind a trusted proxy the one it reports. */
  String clientAddress(HttpServletRequest request) {
    return settings
        .trustedProxies()
        .clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }
}
