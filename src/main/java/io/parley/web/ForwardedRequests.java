package io.parley.web;

import io.parley.app.Settings;
import io.parley.security.TrustedProxies;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The first filter (declared in web.xml so it runs before the others): behind a trusted proxy, the
 * request is seen as the proxy reports it (HTTPS, the client's address); from anyone else, {@code
 * X-Forwarded-*} headers change nothing. The socket handshake does its own check (HandshakeGuard).
 */
public class ForwardedRequests extends HttpFilter {

  @Inject Settings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    TrustedProxies proxies = settings.trustedProxies();
    if (!proxies.trusts(request.getRemoteAddr())) {
      chain.doFilter(request, response);
      return;
    }
    boolean secure =
        proxies.secure(
            request.isSecure(), request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
    String client =
        proxies.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getScheme() {
            return secure ? "https" : super.getScheme();
          }

          @Override
          public String getRemoteAddr() {
            return client;
          }
        },
        response);
  }
}
