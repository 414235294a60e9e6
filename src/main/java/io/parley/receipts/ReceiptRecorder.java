package io.parley.receipts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects watermarks as messages are delivered and read. Every delivered message raises a mark in
 * memory; each {@link #flush} (once a second) announces the marks raised since the last one to
 * every node, and every {@code storeEvery}-th flush writes each mark raised since the last write
 * once. Watermarks are soft state: a crash loses at most those seconds of read marks, and a busy
 * room costs one write per reader per store round instead of one per message.
 */
public class ReceiptRecorder {

  private static final Logger LOG = Logger.getLogger(ReceiptRecorder.class.getName());

  private final ReceiptStore store;
  private final Consumer<List<ReceiptChange>> announce;
  private final int storeEvery;
  private final Map<Key, Watermark> toAnnounce = new ConcurrentHashMap<>();
  private final Map<Key, Watermark> toStore = new ConcurrentHashMap<>();
  private int round;

  private record Key(String userId, String roomId) {}

  /** Announces and stores every round. */
  public ReceiptRecorder(ReceiptStore store, Consumer<List<ReceiptChange>> announce) {
    this(store, announce, 1);
  }

  /**
   * @param storeEvery write to the store every this many rounds (announcements go every round)
   */
  public ReceiptRecorder(
      ReceiptStore store, Consumer<List<ReceiptChange>> announce, int storeEvery) {
    this.store = store;
    this.announce = announce;
    this.storeEvery = Math.max(1, storeEvery);
  }

  /** The member has seen the room up to {@code seq}. */
  public void read(String userId, String roomId, long seq) {
    raise(userId, roomId, new Watermark(seq, seq));
  }

  /** The room's messages up to {@code seq} reached one of the member's devices. */
  public void delivered(String userId, String roomId, long seq) {
    raise(userId, roomId, new Watermark(0, seq));
  }

  private void raise(String userId, String roomId, Watermark mark) {
    toAnnounce.merge(new Key(userId, roomId), mark, Watermark::raise);
  }

  /**
   * One round: announces what was raised since the last round and, when due, stores everything
   * announced since the last write (failed writes stay for the next one). Returns the announced
   * changes.
   */
  public synchronized List<ReceiptChange> flush() {
    List<ReceiptChange> raised = new ArrayList<>();
    for (Key key : toAnnounce.keySet()) {
      Watermark mark = toAnnounce.remove(key);
      if (mark != null) {
        raised.add(new ReceiptChange(key.userId(), key.roomId(), mark));
        toStore.merge(key, mark, Watermark::raise);
      }
    }
    if (!raised.isEmpty()) {
      try {
        announce.accept(raised);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not announce watermarks (they will be stored)", e);
      }
    }
    if (++round % storeEvery == 0) {
      store();
    }
    return raised;
  }

  /** Writes every mark not stored yet; also on shutdown. Returns how many were written. */
  public synchronized int store() {
    int written = 0;
    for (Key key : toStore.keySet()) {
      Watermark mark = toStore.remove(key);
      if (mark == null) {
        continue;
      }
      try {
        store.raise(key.userId(), key.roomId(), mark);
        written++;
      } catch (RuntimeException e) {
        toStore.merge(key, mark, Watermark::raise);
        LOG.log(Level.WARNING, "could not store a watermark; trying again next round", e);
      }
    }
    return written;
  }
}
