package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.PageModels;
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
import java.util.List;

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
    PageModels.Frame frame = views.frame(me.user());
    String sort = order.name().toLowerCase(java.util.Locale.ROOT);
    int status = 200;
    PageModels.SearchPage model;
    try {
      int page = page(req.getParameter("page"));
      SearchResults results =
          metrics.search(() -> search.search(me.userId(), q, order, page, SearchService.PAGE_SIZE));
      model =
          new PageModels.SearchPage(
              frame,
              q,
              sort,
              searchViews.of(results, me.userId()),
              results.notice(),
              count(results),
              results.page(),
              results.hasMore(),
              href(q, order, results.page() - 1),
              href(q, order, results.page() + 1),
              null);
    } catch (DomainException e) {
      status = Requests.status(e);
      model =
          new PageModels.SearchPage(
              frame, q, sort, List.of(), null, null, 1, false, null, null, e.getMessage());
    }
    Requests.html(resp, status, templates.page(Views.Page.SEARCH, model));
  }

  private void suggest(HttpServletResponse resp, SignedIn me, String q) throws IOException {
    if (q.isBlank()) {
      Requests.html(resp, 200, ""); // an emptied box closes the dropdown
      return;
    }
    String allHref = href(q, SearchQuery.Order.NEWEST, 1);
    PageModels.SearchSuggestions model;
    try {
      SearchResults results =
          metrics.search(
              () -> search.search(me.userId(), q, SearchQuery.Order.NEWEST, 1, SUGGESTED));
      model =
          new PageModels.SearchSuggestions(
              q, false, allHref, searchViews.of(results, me.userId()), results.notice());
    } catch (DomainException e) {
      // half-typed filters: say so, quietly
      model = new PageModels.SearchSuggestions(q, false, allHref, List.of(), e.getMessage());
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
