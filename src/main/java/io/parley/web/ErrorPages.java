package io.parley.web;

import io.parley.render.PageModels;
import io.parley.render.Views;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error response, Parley's own and the container's (web.xml routes them all here): a page in
 * Parley's layout for browsers, the API's JSON problem for {@code /api}. The text comes from a
 * fixed table by status, never from an exception, so no class name, stack frame or request detail
 * leaks; an unexpected failure gets a reference that also appears in the server log next to the
 * stack.
 */
@WebServlet("/error")
public class ErrorPages extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

  @Inject Views templates;
  @Inject io.parley.metrics.ChatMetrics metrics;

  /** What a person is told for each status, and the API's error word for it. */
  record Problem(int status, String error, String title, String message) {

    static Problem of(int status) {
      return switch (status) {
        case 400 ->
            new Problem(
                400, "invalid", "Bad request", "The request was malformed. Nothing changed.");
        case 401 -> new Problem(401, "unauthorized", "Sign in first", "Please sign in first.");
        case 403 -> new Problem(403, "forbidden", "Not allowed", "You are not allowed to do that.");
        case 405 ->
            new Problem(
                405, "method_not_allowed", "Not allowed", "That method is not allowed here.");
        case 413 ->
            new Problem(
                413, "too_large", "Too large", "The request is larger than Parley accepts.");
        case 415 ->
            new Problem(
                415, "unsupported_media_type", "Bad request", "That content type is not accepted.");
        case 429 ->
            new Problem(
                429,
                "rate_limited",
                "Slow down",
                "Too many requests. Wait a moment and try again.");
        case 503 ->
            new Problem(
                503,
                "unavailable",
                "Unavailable",
                "Parley is starting or busy. Try again shortly.");
        default ->
            status >= 500
                ? new Problem(
                    500, "internal", "Something went wrong", "Something went wrong on our side.")
                : new Problem(404, "not_found", "Not found", "There is nothing here.");
      };
    }
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Throwable failure = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer c ? c : 404; // visited directly: nothing here
    if (failure != null && status < 400) {
      status = 500;
    }
    String uri = (String) req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (status == 403 && uri != null && (uri.equals("/admin") || uri.startsWith("/admin/"))) {
      status = 404; // the admin console's existence is nobody else's business
    }
    Problem problem = Problem.of(status);
    String reference = null;
    if (problem.status() == 500) {
      metrics.failed(io.parley.metrics.ChatMetrics.Failure.PAGE);
      reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.log(
          Level.SEVERE,
          "Request failed, reference "
              + reference
              + ": "
              + req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
          failure);
    }
    resp.resetBuffer();
    resp.setStatus(problem.status());
    if (uri != null
        && (uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/hooks/"))) {
      resp.setContentType("application/json;charset=UTF-8");
      var json =
          Json.createObjectBuilder()
              .add("error", problem.error())
              .add("message", problem.message());
      if (reference != null) {
        json.add("reference", reference);
      }
      resp.getWriter().write(json.build().toString());
      return;
    }
    var model =
        new PageModels.ErrorPage(
            PageModels.Frame.SIGNED_OUT,
            problem.status(),
            problem.title(),
            problem.message(),
            reference);
    Requests.html(resp, problem.status(), templates.page(Views.Page.ERROR, model));
  }
}
