package io.parley.receipts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Watermarks as this node knows them: a room's (or a person's) marks are read from the store once,
 * then kept current by the changes every node announces, so "Seen by" lines, badges and sidebars
 * never scan the store again. The store itself is written behind (see {@link ReceiptRecorder}), so
 * announced marks are also kept for a minute and merged into whatever is read from the store.
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
    return new HashMap<>(readByUser.computeIfAbsent(userId, this::loadUser));
  }

  @Override
  public Map<String, Watermark> inRoom(String roomId) {
    return new HashMap<>(byRoom.computeIfAbsent(roomId, this::loadRoom));
  }

  /** The room's marks from the store, raised by recent announcements it may not have yet. */
  private ConcurrentMap<String, Watermark> loadRoom(String roomId) {
    ConcurrentMap<String, Watermark> marks = new ConcurrentHashMap<>(store.inRoom(roomId));
    recent.forEach(
        (key, r) -> {
          if (key.roomId().equals(roomId)) {
            marks.merge(key.userId(), r.mark(), Watermark::raise);
          }
        });
    return marks;
  }

  private ConcurrentMap<String, Long> loadUser(String userId) {
    ConcurrentMap<String, Long> marks = new ConcurrentHashMap<>(store.lastRead(userId));
    recent.forEach(
        (key, r) -> {
          if (key.userId().equals(userId) && r.mark().read() > 0) {
            marks.merge(key.roomId(), r.mark().read(), Math::max);
          }
        });
    return marks;
  }

  /**
   * Announced marks are kept this long, because the store is written behind: a room or person read
   * from the store in that time gets them merged in.
   */
  static final long RECENT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private record Key(String userId, String roomId) {}

  private record Recent(Watermark mark, long at) {}

  private final ConcurrentMap<Key, Recent> recent = new ConcurrentHashMap<>();
  private volatile long lastPrune = System.nanoTime();

  /** Marks raised on any node (announced once a second); never lowers one. */
  public void apply(List<ReceiptChange> changes) {
    long now = System.nanoTime();
    for (ReceiptChange c : changes) {
      recent.merge(
          new Key(c.userId(), c.roomId()),
          new Recent(c.mark(), now),
          (a, b) -> new Recent(a.mark().raise(b.mark()), now));
    }
    if (now - lastPrune > RECENT_NANOS / 4) {
      lastPrune = now;
      recent.values().removeIf(r -> now - r.at() > RECENT_NANOS);
    }
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
