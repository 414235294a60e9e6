package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.LiveFragments;
import io.parley.render.ReportViews;
import io.parley.render.RoomViews;
import io.parley.render.Views;
import io.parley.reports.Report;
import io.parley.reports.ReportService;
import io.parley.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reports queue of the rooms one moderates, and one's own reports with their outcomes.
 *
 * <pre>
 * GET  /reports        open reports in the rooms the viewer moderates (404 if none)
 * GET  /reports/mine   the viewer's own reports and what became of them
 * GET  /reports/link   the top bar's link with the open count (htmx; empty for non-moderators)
 * POST /reports        id, action (dismiss|delete|mute|ban), minutes, note
 * </pre>
 */
@WebServlet(urlPatterns = {"/reports", "/reports/*"})
public class ReportPages extends HttpServlet {

  @Inject ReportService reports;
  @Inject ReportViews reportViews;
  @Inject RoomViews views;
  @Inject Views templates;
  @Inject LiveFragments fragments;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedIn me = Requests.signedIn(req);
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    try {
      switch (path) {
        case "", "/" -> Requests.html(resp, 200, queue(me, null, null));
        case "/mine" -> Requests.html(resp, 200, mine(me));
        case "/link" ->
            Requests.html(
                resp,
                200,
                fragments.reportsLink(
                    reports.hasQueue(me.userId()), reports.openCount(me.userId())));
        default -> throw DomainException.notFound("no such page");
      }
    } catch (DomainException e) {
      error(resp, me, e);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    req.setCharacterEncoding("UTF-8");
    SignedIn me = Requests.signedIn(req);
    try {
      Report handled =
          reports.handle(
              me.userId(),
              String.valueOf(req.getParameter("id")),
              action(req.getParameter("action")),
              minutes(req.getParameter("minutes")),
              req.getParameter("note"));
      Requests.html(resp, 200, queue(me, "Handled: " + handled.outcome() + ".", null));
    } catch (DomainException e) {
      if (!reports.hasQueue(me.userId())) {
        error(resp, me, e); // no queue: the same 404 as for any page that does not exist
        return;
      }
      Requests.html(resp, Requests.status(e), queue(me, null, e.getMessage()));
    }
  }

  private String queue(SignedIn me, String done, String error) {
    List<Report> open = reports.queue(me.userId());
    Map<String, Object> model = base(me);
    model.put("heading", "Reported messages");
    model.put("queue", true);
    model.put("reports", reportViews.of(open, me.userId()));
    model.put("done", done);
    model.put("error", error);
    return templates.page(Views.Page.REPORTS, model);
  }

  private String mine(SignedIn me) {
    Map<String, Object> model = base(me);
    model.put("heading", "Your reports");
    model.put("queue", false);
    model.put("reports", reportViews.of(reports.mine(me.userId(), 100), me.userId()));
    model.put("done", null);
    model.put("error", null);
    return templates.page(Views.Page.REPORTS, model);
  }

  private void error(HttpServletResponse resp, SignedIn me, DomainException e) throws IOException {
    Map<String, Object> model = base(me);
    model.put("status", Requests.status(e));
    model.put("message", e.getMessage());
    Requests.html(resp, Requests.status(e), templates.page(Views.Page.ERROR, model));
  }

  private Map<String, Object> base(SignedIn me) {
    Map<String, Object> model = new HashMap<>();
    model.put("me", me.user());
    model.put("sidebar", views.sidebar(me.userId()));
    return model;
  }

  private static Report.Action action(String value) {
    try {
      return Report.Action.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("unknown action: " + value);
    }
  }

  private static Duration minutes(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return io.parley.rooms.RoomService.moderationMinutes(value);
  }
}
