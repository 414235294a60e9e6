package io.parley.api;

import io.parley.search.SearchQuery;
import io.parley.search.SearchResults;
import io.parley.search.SearchService;
import io.parley.search.Snippet;
import io.parley.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Message search over the rooms the caller is in now. */
@Path("search")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  @Inject Caller caller;
  @Inject SearchService search;
  @Inject io.parley.metrics.ChatMetrics metrics;

  /**
   * One result; {@code highlights} are [start, end) character ranges of the snippet that matched.
   */
  public record HitJson(
      String roomId,
      String roomName,
      long seq,
      long threadOf,
      String senderId,
      String createdAt,
      float score,
      String snippet,
      List<int[]> highlights) {}

  /** A page of results; {@code total} is a lower bound unless {@code exact}. */
  public record ResultsJson(
      String q,
      String sort,
      int page,
      long total,
      boolean exact,
      boolean hasMore,
      String notice,
      List<HitJson> hits) {}

  @GET
  @Operation(
      summary = "Search messages",
      description =
          "q: words (prefixes and English word forms match), \"phrases\", in:room, from:username,"
              + " before:/after:/on:YYYY-MM-DD (UTC), has:file, is:pinned. sort: newest (default)"
              + " or relevance. 20 per page by default, at most 100, pages up to 50.")
  public ResultsJson search(
      @QueryParam("q") @DefaultValue("") String q,
      @QueryParam("sort") @DefaultValue("newest") String sort,
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    SearchResults r =
        metrics.search(
            () -> search.search(caller.userId(), q, SearchQuery.Order.of(sort), page, size));
    List<HitJson> hits = new ArrayList<>();
    for (SearchResults.Found f : r.found()) {
      StringBuilder text = new StringBuilder();
      List<int[]> marks = new ArrayList<>();
      for (Snippet.Part p : f.hit().snippet().parts()) {
        if (p.highlighted()) {
          marks.add(new int[] {text.length(), text.length() + p.text().length()});
        }
        text.append(p.text());
      }
      hits.add(
          new HitJson(
              f.room().id(),
              f.room().name(),
              f.hit().seq(),
              f.message().threadOf(),
              f.hit().senderId(),
              f.hit().createdAt().toString(),
              f.hit().score(),
              text.toString(),
              marks));
    }
    return new ResultsJson(
        q,
        r.order().name().toLowerCase(java.util.Locale.ROOT),
        r.page(),
        r.total(),
        r.exact(),
        r.hasMore(),
        r.notice(),
        hits);
  }
}
