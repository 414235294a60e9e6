package io.parley.render;

import io.parley.search.SearchResults;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Search results as pages and the search box's dropdown show them. */
@ApplicationScoped
public class SearchViews {

  /** Messages shown before and after the one jumped to. */
  public static final int CONTEXT = 25;

  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneOffset.UTC);

  @Inject RoomViews rooms;
  @Inject UserService users;

  public List<SearchHitView> of(SearchResults results, String viewerId) {
    Set<String> senders =
        results.found().stream().map(f -> f.hit().senderId()).collect(Collectors.toSet());
    Map<String, User> people = users.byIds(senders);
    Map<String, String> titles = new HashMap<>();
    return results.found().stream()
        .map(
            f -> {
              var hit = f.hit();
              User sender = people.get(hit.senderId());
              String name = sender == null ? "someone" : sender.displayName();
              String title =
                  titles.computeIfAbsent(
                      hit.roomId(), id -> rooms.view(f.room(), viewerId, 0, 0).title());
              return new SearchHitView(
                  hit.roomId(),
                  f.room().type().isDirect() ? title : "#" + title,
                  hit.seq(),
                  name,
                  AvatarView.of(sender, name),
                  hit.createdAt().toString(),
                  DAY_TIME.format(hit.createdAt()),
                  hit.snippet().parts(),
                  jumpTo(
                      f.message().roomId(),
                      f.message().seq(),
                      f.message().threadOf(),
                      f.message().inTimeline()),
                  f.message().isReply());
            })
        .toList();
  }

  /**
   * Where a result opens: the room with the message amid the ones around it, or the thread panel
   * for a reply shown only in its thread.
   */
  public static String jumpTo(String roomId, long seq, long threadOf, boolean inTimeline) {
    if (!inTimeline) {
      return "/rooms/"
          + roomId
          + "/threads/"
          + threadOf
          + "?at="
          + seq
          + "#reply-"
          + roomId
          + "-"
          + seq;
    }
    return "/rooms/"
        + roomId
        + "?before="
        + (seq + CONTEXT + 1)
        + "&at="
        + seq
        + "#msg-"
        + roomId
        + "-"
        + seq;
  }
}
