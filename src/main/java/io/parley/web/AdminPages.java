package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.PageModels;
import io.parley.render.RoomViews;
import io.parley.render.Views;
import io.parley.security.SignedIn;
import io.parley.users.Roles;
import io.parley.users.UserService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Administration for global admins (the container checks the role): withdraw or give back a
 * person's access. Everyone else gets the same 404 as for a page that does not exist (ErrorPages).
 */
@WebServlet(urlPatterns = {"/admin", "/admin/*"})
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.ADMIN))
public class AdminPages extends HttpServlet {

  @Inject UserService users;
  @Inject RoomViews views;
  @Inject Views templates;
  @Inject AuditConsole audit;
  @Inject AdminConsole console;
  @Inject RetentionConsole retentionConsole;
  @Inject io.parley.common.NodeReport.Directory nodes;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedIn me = Requests.signedIn(req);
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    switch (path) {
      case "" -> Requests.html(resp, 200, page(me, null, null, req));
      case "/audit" -> audit.page(me, req, resp);
      case "/audit/export" -> audit.export(me, req, resp);
      case "/retention" -> retentionConsole.page(me, resp, null, null);
      default -> resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    req.setCharacterEncoding("UTF-8");
    SignedIn me = Requests.signedIn(req);
    if ("/retention".equals(req.getPathInfo())) {
      retentionConsole.post(me, req, resp);
      return;
    }
    boolean disable = "disable".equals(req.getParameter("action"));
    try {
      if ("disconnect".equals(req.getParameter("action"))) {
        var user = users.disconnect(me.user(), req.getParameter("username"));
        Requests.html(
            resp,
            200,
            page(
                me,
                user.username() + "'s open pages were disconnected; they reconnect.",
                null,
                req));
        return;
      }
      var user = users.setDisabled(me.user(), req.getParameter("username"), disable);
      String done =
          user.username()
              + (disable
                  ? " can no longer use Parley; their open pages were closed."
                  : " can use Parley again.");
      Requests.html(resp, 200, page(me, done, null, req));
    } catch (DomainException e) {
      Requests.html(resp, Requests.status(e), page(me, null, e.getMessage(), req));
    }
  }

  private String page(SignedIn me, String done, String error, HttpServletRequest req) {
    String people = req.getParameter("people");
    String roomPrefix = req.getParameter("rooms");
    return templates.page(
        Views.Page.ADMIN,
        new PageModels.AdminPage(
            views.frame(me.user()),
            done,
            error,
            nodes.all(),
            people == null ? "" : people,
            roomPrefix == null ? "" : roomPrefix,
            people == null ? null : console.people(people),
            roomPrefix == null ? null : console.rooms(roomPrefix),
            console.hooks(me.userId())));
  }
}
