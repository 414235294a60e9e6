package io.parley.web;

import io.parley.common.DomainException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  @Inject RoomViews views;
  @Inject Views templates;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedIn me = Requests.signedIn(req);
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String q = req.getParameter("q") == null ? "" : req.getParameter("q").strip();
    Map<String, Object> model = new HashMap<>();
    model.put("me", me.user());
    if (path.equals("/suggest")) {
      model.put("people", q.isEmpty() ? List.of() : views.people(active(q, SUGGESTED)));
      Requests.html(resp, 200, templates.fragment(Views.Fragment.PEOPLE_OPTIONS, model));
      return;
    }
    model.put("sidebar", views.sidebar(me.userId()));
    if (path.isEmpty() || path.equals("/")) {
      model.put("q", q);
      model.put("people", views.people(active(q, SHOWN)));
      model.put("person", null);
      Requests.html(resp, 200, templates.page(Views.Page.PEOPLE, model));
      return;
    }
    try {
      User u = users.requireByUsername(path.substring(1));
      if (u.disabled()) {
        throw DomainException.notFound("no such person");
      }
      PersonView person = views.people(List.of(u)).get(0);
      model.put("q", "");
      model.put("people", List.of());
      model.put("person", person);
      model.put("self", u.id().equals(me.userId()));
      Requests.html(resp, 200, templates.page(Views.Page.PEOPLE, model));
    } catch (DomainException e) {
      model.put("status", Requests.status(e));
      model.put("message", e.getMessage());
      Requests.html(resp, Requests.status(e), templates.page(Views.Page.ERROR, model));
    }
  }

  /** People whose name or username starts with {@code q}, without those whose access is gone. */
  private List<User> active(String q, int limit) {
    return users.search(q, limit + 10).stream().filter(u -> !u.disabled()).limit(limit).toList();
  }
}
