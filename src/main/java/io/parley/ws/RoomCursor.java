package io.parley.ws;

import io.parley.messaging.Message;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Where one tab stands in the room it watches: the last seq it was sent. Live messages go out
 * exactly once and in seq order: older or repeated seqs are dropped, and a gap is filled from the
 * store (through {@code missed}, the page after a seq) before the newer message goes out. Not
 * thread-safe: the connection calls it under its own lock.
 */
final class RoomCursor {

  private String roomId;
  private long lastSentSeq;

  /**
   * Starts watching {@code roomId} after {@code afterSeq}, sending everything newer; returns the
   * last seq sent.
   */
  long watch(
      String roomId, long afterSeq, LongFunction<List<Message>> missed, Consumer<Message> out) {
    this.roomId = roomId;
    this.lastSentSeq = afterSeq;
    fill(Long.MAX_VALUE, missed, out);
    return lastSentSeq;
  }

  /** Sends a live message if it is the watched room's next; returns true if it went out. */
  boolean deliver(Message m, LongFunction<List<Message>> missed, Consumer<Message> out) {
    if (!m.roomId().equals(roomId) || m.seq() <= lastSentSeq) {
      return false;
    }
    if (m.seq() > lastSentSeq + 1) {
      fill(m.seq() - 1, missed, out);
    }
    out.accept(m);
    lastSentSeq = m.seq();
    return true;
  }

  boolean watches(String room) {
    return room.equals(roomId);
  }

  /** Stops watching (the room was lost): nothing of it goes out any more. */
  void stop() {
    roomId = null;
  }

  long lastSentSeq() {
    return lastSentSeq;
  }

  private void fill(long upTo, LongFunction<List<Message>> missed, Consumer<Message> out) {
    while (lastSentSeq < upTo) {
      List<Message> page = missed.apply(lastSentSeq);
      if (page.isEmpty()) {
        return;
      }
      for (Message m : page) {
        if (m.seq() <= lastSentSeq) {
          continue; // a store page overlapping what went out already
        }
        if (m.seq() > upTo) {
          return;
        }
        out.accept(m);
        lastSentSeq = m.seq();
      }
    }
  }
}
