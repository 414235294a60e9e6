package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.PageModels;
import io.parley.render.PersonView;
import io.parley.render.RoomViews;
import io.parley.render.Views;
import io.parley.security.SignedIn;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The people directory: everyone who has signed in at least once (the identity provider's other
 * people appear after their first sign-in; docs/architecture.md, "People", says how to list them
 * from the IdP ahead of that).
 *
 * <pre>
 * GET /people?q=              search by name or username (prefix, any case)
 * GET /people/suggest?q=      &lt;option&gt;s for a username field's datalist (htmx)
 * GET /people/{username}      a person's card: avatar, name, status, presence, Message
 * </pre>
 */
@WebServlet(urlPatterns = {"/people", "/people/*"})
public class PeoplePages extends HttpServlet {

  static final int SHOWN = 50;
  static final int SUGGESTED = 8;

  @Inject UserService users;
  @Inject io.parley.rooms.RoomService rooms;
  @Inject io.parley.users.UserGroups userGroups;
  @Inject RoomViews views;
  @Inject Views templates;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedIn me = Requests.signedIn(req);
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String q = req.getParameter("q") == null ? "" : req.getParameter("q").strip();
    if (path.equals("/suggest")) {
      var options =
          new PageModels.PeopleOptions(
              me.user(), q.isEmpty() ? List.of() : views.people(active(me, q, SUGGESTED)));
      Requests.html(resp, 200, templates.fragment(Views.Fragment.PEOPLE_OPTIONS, options));
      return;
    }
    PageModels.Frame frame = views.frame(me.user());
    if (path.isEmpty() || path.equals("/")) {
      var found =
          new PageModels.PeoplePage(
              frame, q, views.people(active(me, q, SHOWN)), null, false, List.of());
      Requests.html(resp, 200, templates.page(Views.Page.PEOPLE, found));
      return;
    }
    try {
      User u = users.requireByUsername(path.substring(1));
      if (u.disabled() || !rooms.access().mayMeet(me.userId(), u.id())) {
        throw DomainException.notFound("no such person");
      }
      PersonView person = views.people(List.of(u)).get(0);
      List<String> groups = userGroups.of(u.id()).stream().map(g -> "@" + g.handle()).toList();
      var page =
          new PageModels.PeoplePage(
              frame, "", List.of(), person, u.id().equals(me.userId()), groups);
      Requests.html(resp, 200, templates.page(Views.Page.PEOPLE, page));
    } catch (DomainException e) {
      var error = PageModels.ErrorPage.of(frame, Requests.status(e), e.getMessage());
      Requests.html(resp, Requests.status(e), templates.page(Views.Page.ERROR, error));
    }
  }

  /**
   * People whose name or username starts with {@code q}, without those whose access is gone (and,
   * for a guest, only the people of their rooms).
   */
  private List<User> active(SignedIn me, String q, int limit) {
    return users.search(q, limit + 10).stream()
        .filter(u -> !u.disabled() && rooms.access().mayMeet(me.userId(), u.id()))
        .limit(limit)
        .toList();
  }
}
