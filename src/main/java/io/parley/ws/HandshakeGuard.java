package io.parley.ws;

import io.parley.app.Settings;
import io.parley.cluster.HazelcastRateLimits;
import io.parley.security.Authenticator;
import io.parley.security.InvalidTokenException;
import io.parley.security.Origins;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * Refuses a WebSocket handshake before the upgrade: 403 for a foreign Origin, 401 without a valid
 * token. {@link ChatConfigurator} then binds the verified user to the new session.
 */
@WebFilter(urlPatterns = "/ws")
public class HandshakeGuard extends HttpFilter {

  @Inject Authenticator authenticator;
  @Inject Settings settings;
  @Inject HazelcastRateLimits limits;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var verdict = limits.tryAcquire(HazelcastRateLimits.Kind.HANDSHAKES, clientAddress(request));
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
    var token =
        Authenticator.tokenFromCookies(Collections.list(request.getHeaders("Cookie")))
            .or(() -> Authenticator.tokenFromAuthorization(request.getHeader("Authorization")));
    try {
      authenticator.authenticate(token.orElse(null));
    } catch (InvalidTokenException e) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "sign in first");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The client's address: the socket's peer, or behind a trusted proxy the one it reports. */
  String clientAddress(HttpServletRequest request) {
    return settings
        .trustedProxies()
        .clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }
}
