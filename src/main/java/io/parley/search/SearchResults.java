package io.parley.search;

import io.parley.messaging.Message;
import io.parley.rooms.Room;
import java.util.List;

/**
 * A page of results for one person: each hit with its room and the message as stored now. {@code
 * notice} explains an empty page that is not for lack of matches (an unknown room or person).
 */
public record SearchResults(
    String text,
    SearchQuery.Order order,
    List<Found> found,
    long total,
    boolean exact,
    int page,
    boolean hasMore,
    String notice) {

  public SearchResults {
    found = List.copyOf(found);
  }

  /** One result. */
  public record Found(SearchHit hit, Room room, Message message) {}

  static SearchResults none(String text, SearchQuery.Order order, String notice) {
    return new SearchResults(text, order, List.of(), 0, true, 1, false, notice);
  }
}
