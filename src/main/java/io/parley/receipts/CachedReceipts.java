package io.parley.receipts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Watermarks as this node knows them: a room's (or a person's) marks are read from the store once,
 * then kept current by the changes every node announces, so "Seen by" lines, badges and sidebars
 * never scan the store again. The store itself is written behind (see {@link ReceiptRecorder}), so
 * a node that first reads a room within those seconds may miss a mark until its next change.
 */
public class CachedReceipts implements ReceiptStore {

  private final ReceiptStore store;
  private final ConcurrentMap<String, ConcurrentMap<String, Watermark>> byRoom =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ConcurrentMap<String, Long>> readByUser =
      new ConcurrentHashMap<>();

  public CachedReceipts(ReceiptStore store) {
    this.store = store;
  }

  @Override
  public void raise(String userId, String roomId, Watermark mark) {
    store.raise(userId, roomId, mark);
    apply(List.of(new ReceiptChange(userId, roomId, mark)));
  }

  @Override
  public Map<String, Long> lastRead(String userId) {
    return new HashMap<>(
        readByUser.computeIfAbsent(userId, id -> new ConcurrentHashMap<>(store.lastRead(id))));
  }

  @Override
  public Map<String, Watermark> inRoom(String roomId) {
    return new HashMap<>(
        byRoom.computeIfAbsent(roomId, id -> new ConcurrentHashMap<>(store.inRoom(id))));
  }

  /** Marks raised on any node (announced once a second); never lowers one. */
  public void apply(List<ReceiptChange> changes) {
    for (ReceiptChange c : changes) {
      // computeIfPresent waits for a load of the same key in progress, then merges into it.
      byRoom.computeIfPresent(
          c.roomId(),
          (id, marks) -> {
            marks.merge(c.userId(), c.mark(), Watermark::raise);
            return marks;
          });
      readByUser.computeIfPresent(
          c.userId(),
          (id, marks) -> {
            if (c.mark().read() > 0) {
              marks.merge(c.roomId(), c.mark().read(), Math::max);
            }
            return marks;
          });
    }
  }
}
