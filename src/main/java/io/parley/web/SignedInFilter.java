package io.parley.web;

import io.parley.security.SignedIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Pages need a signed-in user, which the authentication mechanism ({@link TokenAuthentication})
 * established from the cookie before this filter runs. Without one, a browser navigating is sent to
 * sign in; anything else (htmx, forms) gets 401.
 */
@WebFilter(
    urlPatterns = {
      "/rooms",
      "/rooms/*",
      "/direct",
      "/profile",
      "/profile/*",
      "/users/*",
      "/admin",
      "/admin/*",
      "/files/*",
      "/reports",
      "/reports/*",
      "/saved",
      "/saved/*",
      "/later",
      "/later/*",
      "/threads",
      "/threads/*",
      "/emoji/*",
      "/search",
      "/people",
      "/people/*",
      "/search/*",
      "/export/*"
    })
public class SignedInFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getAttribute(SignedIn.REQUEST_ATTRIBUTE) instanceof SignedIn me) {
      if (me.accessToken() != null) {
        // Scripts' tokens reach the API and the socket; pages are for people who signed in.
        response.sendError(
            HttpServletResponse.SC_FORBIDDEN, "access tokens work with the API and the socket");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if ("GET".equals(request.getMethod()) && !Requests.isHtmx(request)) {
      Requests.seeOther(response, "/sign-in");
    } else {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "sign in first");
    }
  }
}
