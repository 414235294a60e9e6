package io.parley.web;

import io.parley.common.DomainException;
import io.parley.security.Authenticator;
import io.parley.security.SignedIn;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/** Small helpers shared by the page servlets. */
final class Requests {

  private Requests() {}

  static SignedIn signedIn(HttpServletRequest request) {
    return (SignedIn) request.getAttribute(SignedIn.REQUEST_ATTRIBUTE);
  }

  static boolean isHtmx(HttpServletRequest request) {
    return "true".equals(request.getHeader("HX-Request"));
  }

  static void html(HttpServletResponse response, int status, String html) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write(html);
  }

  static void seeOther(HttpServletResponse response, String location) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", location);
  }

  static int status(DomainException e) {
    return switch (e.kind()) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case FORBIDDEN -> 403;
      case CONFLICT -> 409;
      case RATE_LIMITED -> 429;
    };
  }

  static Long optionalLong(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name + " must be a number");
    }
  }

  static void setTokenCookie(
      HttpServletRequest request, HttpServletResponse response, String token, Duration maxAge) {
    Cookie cookie = new Cookie(Authenticator.COOKIE, token);
    cookie.setHttpOnly(true);
    cookie.setSecure(secure(request));
    cookie.setPath("/");
    cookie.setMaxAge((int) maxAge.toSeconds());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  private static final java.util.regex.Pattern LOCAL_PATH =
      java.util.regex.Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~-]*");

  /**
   * Where to go after signing in: a path on this server, or {@code /rooms}. Anything else (other
   * hosts, {@code //evil.example}, schemes) is ignored, so the parameter cannot redirect away.
   */
  static String localPath(String next) {
    return next != null && next.length() <= 200 && LOCAL_PATH.matcher(next).matches()
        ? next
        : "/rooms";
  }

  /**
   * Whether the browser reached us over HTTPS: directly, or through a trusted TLS-ending proxy
   * (ForwardedRequests has then made the request say so; nobody else's header counts).
   */
  static boolean secure(HttpServletRequest request) {
    return request.isSecure();
  }
}
