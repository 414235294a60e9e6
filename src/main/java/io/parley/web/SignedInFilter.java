package io.parley.web;

import io.parley.security.Authenticator;
import io.parley.security.InvalidTokenException;
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
 * Pages need a signed-in user: the token cookie is verified on every request. Without one, a
 * browser navigating is sent to sign in; anything else (htmx, forms) gets 401.
 */
@WebFilter(urlPatterns = {"/rooms", "/rooms/*", "/direct", "/profile", "/users/*", "/admin"})
public class SignedInFilter extends HttpFilter {

  @Inject Authenticator authenticator;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var token = Authenticator.tokenFromCookies(Collections.list(request.getHeaders("Cookie")));
    try {
      if (token.isPresent()) {
        request.setAttribute(Requests.SIGNED_IN, authenticator.authenticate(token.get()));
        chain.doFilter(request, response);
        return;
      }
    } catch (InvalidTokenException e) {
      // fall through: treated like no token
    }
    if ("GET".equals(request.getMethod()) && !Requests.isHtmx(request)) {
      Requests.seeOther(response, "/sign-in");
    } else {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "sign in first");
    }
  }
}
