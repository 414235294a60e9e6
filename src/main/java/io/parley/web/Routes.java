package io.parley.web;

import io.parley.common.DomainException;
import io.parley.security.SignedIn;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A servlet's routes, declared as method and path pattern ({@code GET /rooms/{id}/threads/{seq}})
 * instead of parsed by hand: the first route whose method and segments match handles the request,
 * with the {@code {names}} it captured.
 */
final class Routes {

  /** One request as a route sees it. */
  record Call(
      SignedIn me, HttpServletRequest req, HttpServletResponse resp, Map<String, String> at) {

    String path(String name) {
      return at.get(name);
    }
  }

  @FunctionalInterface
  interface Handler {
    void handle(Call call) throws IOException, ServletException;
  }

  private record Route(String method, String[] segments, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  Routes get(String pattern, Handler handler) {
    return add("GET", pattern, handler);
  }

  Routes post(String pattern, Handler handler) {
    return add("POST", pattern, handler);
  }

  private Routes add(String method, String pattern, Handler handler) {
    routes.add(new Route(method, segments(pattern), handler));
    return this;
  }

  /** Handles the request, or throws not found when no route matches its method and path. */
  void dispatch(SignedIn me, HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
    String[] asked = segments(path);
    for (Route route : routes) {
      Map<String, String> at =
          route.method().equals(req.getMethod()) ? match(route.segments(), asked) : null;
      if (at != null) {
        route.handler().handle(new Call(me, req, resp, at));
        return;
      }
    }
    throw DomainException.notFound("no such page");
  }

  private static Map<String, String> match(String[] pattern, String[] asked) {
    if (pattern.length != asked.length) {
      return null;
    }
    Map<String, String> at = new HashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        at.put(p.substring(1, p.length() - 1), asked[i]);
      } else if (!p.equals(asked[i])) {
        return null;
      }
    }
    return at;
  }

  private static String[] segments(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
  }
}
