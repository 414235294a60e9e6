package io.parley.search;

import io.parley.messaging.Message;
import io.parley.messaging.MessageHistory;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomState;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Searches the messages a person may read: the rooms they belong to now (archived ones included;
 * never rooms they left, were removed or banned from, and never private rooms they were not in),
 * decided at query time from their memberships. Each hit is read back from the store, so a message
 * deleted or removed by retention since it was indexed is never shown.
 */
public final class SearchService {

  public static final int PAGE_SIZE = 20;

  /** Deepest page served (deeper paging belongs to a narrower query). */
  public static final int MAX_PAGE = 50;

  private final MessageIndex index;
  private final MessageHistory store;
  private final RoomService rooms;
  private final Function<String, Optional<String>> userIdByUsername;

  public SearchService(
      MessageIndex index,
      MessageHistory store,
      RoomService rooms,
      Function<String, Optional<String>> userIdByUsername) {
    this.index = index;
    this.store = store;
    this.rooms = rooms;
    this.userIdByUsername = userIdByUsername;
  }

  public SearchResults search(
      String userId, String text, SearchQuery.Order order, int page, int pageSize) {
    SearchQuery q = SearchQuery.parse(text);
    int size = Math.max(1, Math.min(pageSize, 100));
    int p = Math.max(1, Math.min(page, MAX_PAGE));
    if (q.isEmpty()) {
      return SearchResults.none(text, order, null);
    }
    Map<String, Room> readable = readableRooms(userId);
    if (q.inRoom() != null) {
      String wanted = q.inRoom().toLowerCase(Locale.ROOT);
      readable
          .values()
          .removeIf(r -> r.name() == null || !r.name().toLowerCase(Locale.ROOT).equals(wanted));
      if (readable.isEmpty()) {
        return SearchResults.none(text, order, "You are in no room called #" + q.inRoom() + ".");
      }
    }
    Set<String> senders = Set.of();
    if (q.fromPerson() != null) {
      Optional<String> sender = userIdByUsername.apply(q.fromPerson());
      if (sender.isEmpty()) {
        return SearchResults.none(text, order, "Nobody is called @" + q.fromPerson() + ".");
      }
      senders = Set.of(sender.get());
    }
    if (readable.isEmpty()) {
      return SearchResults.none(text, order, null);
    }
    IndexQuery query =
        new IndexQuery(
            q.words(),
            q.phrases(),
            readable.keySet(),
            senders,
            q.after() == null
                ? null
                : q.after().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
            q.before() == null ? null : q.before().atStartOfDay().toInstant(ZoneOffset.UTC),
            q.withFiles(),
            q.pinned(),
            order,
            (p - 1) * size,
            size + 1);
    IndexedPage found = index.search(query);
    List<SearchHit> hits = found.hits();
    boolean more = hits.size() > size;
    List<SearchResults.Found> shown =
        readBack(hits.subList(0, Math.min(size, hits.size())), readable);
    return new SearchResults(text, order, shown, found.total(), found.exact(), p, more, null);
  }

  /** The rooms whose messages the person may find. */
  public Map<String, Room> readableRooms(String userId) {
    Map<String, Room> readable = new LinkedHashMap<>();
    for (Room r : rooms.listings().roomsOf(userId)) {
      if (r.state() != RoomState.DELETED) {
        readable.put(r.id(), r);
      }
    }
    return readable;
  }

  /** The hits whose messages are still there, as stored now, in the index's order. */
  private List<SearchResults.Found> readBack(List<SearchHit> hits, Map<String, Room> rooms) {
    ReadBack stored = ReadBack.of(store, hits, SearchHit::roomId, SearchHit::seq);
    List<SearchResults.Found> found = new ArrayList<>();
    for (SearchHit h : hits) {
      Message m = stored.live(h.roomId(), h.seq());
      if (m != null) {
        found.add(new SearchResults.Found(h, rooms.get(h.roomId()), m));
      }
    }
    return found;
  }
}
