package io.parley.web;

import io.parley.common.RequestOrigin;
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
 * X-Forwarded-*} headers change nothing (the container's own {@code isSecure()} would believe
 * {@code X-Forwarded-Proto} from anyone). The socket handshake does its own check (HandshakeGuard).
 */
public class ForwardedRequests extends HttpFilter {

  @Inject io.parley.security.SecuritySettings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("/ws".equals(request.getServletPath())) {
      chain.doFilter(request, response); // the upgrade keeps the container's own request
      return;
    }
    TrustedProxies proxies = settings.trustedProxies();
    // The container itself believes X-Forwarded-Proto from anyone in isSecure(); whether this
    // connection really is TLS shows in the cipher suite attribute, set only for TLS.
    boolean tls = request.getAttribute("jakarta.servlet.request.cipher_suite") != null;
    boolean secure =
        proxies.secure(tls, request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
    String client =
        proxies.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    HttpServletRequest seen =
        new HttpServletRequestWrapper(request) {
          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getScheme() {
            return secure ? "https" : "http";
          }

          @Override
          public String getRemoteAddr() {
            return client;
          }
        };
    // What this request records in the audit log says where it came from.
    try {
      RequestOrigin.serve(client, () -> chain.doFilter(seen, response));
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }
}
