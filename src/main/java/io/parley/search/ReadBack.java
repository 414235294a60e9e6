package io.parley.search;

import io.parley.messaging.Message;
import io.parley.messaging.MessageHistory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Messages found through the index, read back from the store with one read per room: the store is
 * the truth, so a message deleted or edited since it was indexed shows as it is now (or not at
 * all).
 */
final class ReadBack {

  private final Map<String, Message> stored;

  private ReadBack(Map<String, Message> stored) {
    this.stored = stored;
  }

  /** Reads the messages {@code refs} point at (by room and seq). */
  static <R> ReadBack of(
      MessageHistory store, Collection<R> refs, Function<R, String> room, ToLongFunction<R> seq) {
    Map<String, Set<Long>> byRoom = new HashMap<>();
    refs.forEach(
        r -> byRoom.computeIfAbsent(room.apply(r), k -> new TreeSet<>()).add(seq.applyAsLong(r)));
    Map<String, Message> stored = new HashMap<>();
    byRoom.forEach(
        (roomId, seqs) ->
            store.bySeqs(roomId, seqs).forEach(m -> stored.put(key(roomId, m.seq()), m)));
    return new ReadBack(stored);
  }

  /** The message as stored now, or null if it is gone or was deleted. */
  Message live(String roomId, long seq) {
    Message m = stored.get(key(roomId, seq));
    return m == null || m.deleted() ? null : m;
  }

  private static String key(String roomId, long seq) {
    return roomId + "/" + seq;
  }
}
