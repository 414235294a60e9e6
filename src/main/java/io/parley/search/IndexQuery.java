package io.parley.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A query as the engine runs it, every name already resolved: {@code roomIds} are the only rooms it
 * may look in (the person's, narrowed by {@code in:}), never empty; {@code senderIds} is empty for
 * anyone; {@code from} is inclusive and {@code to} exclusive, either may be null.
 */
public record IndexQuery(
    List<String> words,
    List<String> phrases,
    Set<String> roomIds,
    Set<String> senderIds,
    Instant from,
    Instant to,
    boolean withFiles,
    boolean pinned,
    SearchQuery.Order order,
    int offset,
    int limit) {

  public IndexQuery {
    words = List.copyOf(words);
    phrases = List.copyOf(phrases);
    roomIds = Set.copyOf(roomIds);
    senderIds = Set.copyOf(senderIds);
  }
}
