package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.RoomViews;
import io.parley.render.SearchViews;
import io.parley.render.Views;
import io.parley.search.SearchQuery;
import io.parley.search.SearchResults;
import io.parley.search.SearchService;
import io.parley.security.SignedIn;
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
 * Message search.
 *
 * <pre>
 * GET /search?q=&amp;sort=newest|relevance&amp;page=n   the results page
 * GET /search/suggest?q=                         the search box's dropdown (htmx fragment)
 * </pre>
 */
@WebServlet(urlPatterns = {"/search", "/search/suggest"})
public class SearchPages extends HttpServlet {

  /** Results in the search box's dropdown. */
  static final int SUGGESTED = 5;

  @Inject SearchService search;
  @Inject io.parley.metrics.ChatMetrics metrics;
  @Inject SearchViews searchViews;
  @Inject RoomViews views;
  @Inject Views templates;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedIn me = Requests.signedIn(req);
    String q = req.getParameter("q") == null ? "" : req.getParameter("q");
    if ("/search/suggest".equals(req.getServletPath())) {
      suggest(resp, me, q);
      return;
    }
    SearchQuery.Order order = SearchQuery.Order.of(req.getParameter("sort"));
    Map<String, Object> model = new HashMap<>();
    model.put("me", me.user());
    model.put("sidebar", views.sidebar(me.userId()));
    model.put("q", q);
    model.put("sort", order.name().toLowerCase(java.util.Locale.ROOT));
    int status = 200;
    try {
      int page = page(req.getParameter("page"));
      SearchResults results =
          metrics.search(() -> search.search(me.userId(), q, order, page, SearchService.PAGE_SIZE));
      model.put("hits", searchViews.of(results, me.userId()));
      model.put("notice", results.notice());
      model.put("count", count(results));
      model.put("page", results.page());
      model.put("hasMore", results.hasMore());
      model.put("prevHref", href(q, order, results.page() - 1));
      model.put("nextHref", href(q, order, results.page() + 1));
      model.put("error", null);
    } catch (DomainException e) {
      status = Requests.status(e);
      model.put("hits", List.of());
      model.put("notice", null);
      model.put("error", e.getMessage());
    }
    Requests.html(resp, status, templates.page(Views.Page.SEARCH, model));
  }

  private void suggest(HttpServletResponse resp, SignedIn me, String q) throws IOException {
    if (q.isBlank()) {
      Requests.html(resp, 200, ""); // an emptied box closes the dropdown
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("q", q);
    model.put("blank", q.isBlank());
    model.put("allHref", href(q, SearchQuery.Order.NEWEST, 1));
    try {
      SearchResults results =
          metrics.search(
              () -> search.search(me.userId(), q, SearchQuery.Order.NEWEST, 1, SUGGESTED));
      model.put("hits", searchViews.of(results, me.userId()));
      model.put("notice", results.notice());
    } catch (DomainException e) {
      model.put("hits", List.of());
      model.put("notice", e.getMessage()); // half-typed filters: say so, quietly
    }
    Requests.html(resp, 200, templates.fragment(Views.Fragment.SEARCH_SUGGEST, model));
  }

  private static String href(String q, SearchQuery.Order order, int page) {
    return "/search?q="
        + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
        + "&sort="
        + order.name().toLowerCase(java.util.Locale.ROOT)
        + "&page="
        + page;
  }

  private static String count(SearchResults r) {
    if (r.found().isEmpty() && r.page() == 1) {
      return "No messages match.";
    }
    if (!r.exact()) {
      return "More than " + r.total() + " messages match.";
    }
    return r.total() == 1 ? "1 message matches." : r.total() + " messages match.";
  }

  private static int page(String value) {
    try {
      return value == null ? 1 : Math.max(1, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
