package io.parley.receipts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects watermarks as messages are delivered and read, and stores them in batches: every
 * delivered message raises a mark in memory, and each {@link #flush} writes each raised mark once
 * and announces the changes, instead of one write and one event per message per socket.
 */
public class ReceiptRecorder {

  private static final Logger LOG = Logger.getLogger(ReceiptRecorder.class.getName());

  private final ReceiptStore store;
  private final Consumer<List<ReceiptChange>> announce;
  private final Map<Key, Watermark> pending = new ConcurrentHashMap<>();

  private record Key(String userId, String roomId) {}

  public ReceiptRecorder(ReceiptStore store, Consumer<List<ReceiptChange>> announce) {
    this.store = store;
    this.announce = announce;
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
    pending.merge(new Key(userId, roomId), mark, Watermark::raise);
  }

  /** Stores what was raised since the last flush and announces it; failed writes stay pending. */
  public List<ReceiptChange> flush() {
    List<ReceiptChange> stored = new ArrayList<>();
    for (Key key : pending.keySet()) {
      Watermark mark = pending.remove(key);
      if (mark == null) {
        continue;
      }
      try {
        store.raise(key.userId(), key.roomId(), mark);
        stored.add(new ReceiptChange(key.userId(), key.roomId(), mark));
      } catch (RuntimeException e) {
        pending.merge(key, mark, Watermark::raise);
        LOG.log(Level.WARNING, "could not store a watermark; trying again next round", e);
      }
    }
    if (!stored.isEmpty()) {
      try {
        announce.accept(stored);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not announce watermarks (they are stored)", e);
      }
    }
    return stored;
  }
}
