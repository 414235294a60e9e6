package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.LiveFragments;
import io.parley.render.PageModels;
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
import java.util.List;
import java.util.Locale;

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
    return templates.page(
        Views.Page.REPORTS,
        new PageModels.ReportsPage(
            views.frame(me.user()),
            "Reported messages",
            true,
            reportViews.of(open, me.userId()),
            done,
            error));
  }

  private String mine(SignedIn me) {
    return templates.page(
        Views.Page.REPORTS,
        new PageModels.ReportsPage(
            views.frame(me.user()),
            "Your reports",
            false,
            reportViews.of(reports.mine(me.userId(), 100), me.userId()),
            null,
            null));
  }

  private void error(HttpServletResponse resp, SignedIn me, DomainException e) throws IOException {
    var model = PageModels.ErrorPage.of(views.frame(me.user()), Requests.status(e), e.getMessage());
    Requests.html(resp, Requests.status(e), templates.page(Views.Page.ERROR, model));
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
    return io.parley.rooms.RoomModeration.moderationMinutes(value);
  }
}
