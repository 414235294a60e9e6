package io.parley.ws;

import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * Where one tab stands in a gap-free numbering of the room it watches (messages by seq, changes by
 * rev): the last number it was sent. Live events go out exactly once and in order: older or
 * repeated numbers are dropped, and a gap is filled from the store (through {@code missed}, the
 * page after a number) before the newer event goes out. Not thread-safe: the connection calls it
 * under its own lock.
 */
final class RoomCursor<E> {

  private final Function<E, String> roomOf;
  private final ToLongFunction<E> numberOf;
  private String roomId;
  private long lastSent;

  private RoomCursor(Function<E, String> roomOf, ToLongFunction<E> numberOf) {
    this.roomOf = roomOf;
    this.numberOf = numberOf;
  }

  static RoomCursor<Message> messages() {
    return new RoomCursor<>(Message::roomId, Message::seq);
  }

  static RoomCursor<MessageChange> changes() {
    return new RoomCursor<>(MessageChange::roomId, MessageChange::rev);
  }

  /**
   * Starts watching {@code roomId} after {@code after}, sending everything newer; returns the last
   * sent.
   */
  long watch(String roomId, long after, LongFunction<List<E>> missed, Consumer<E> out) {
    this.roomId = roomId;
    this.lastSent = after;
    fill(Long.MAX_VALUE, missed, out);
    return lastSent;
  }

  /** Sends a live event if it is the watched room's next; returns true if it went out. */
  boolean deliver(E event, LongFunction<List<E>> missed, Consumer<E> out) {
    long number = numberOf.applyAsLong(event);
    if (!roomOf.apply(event).equals(roomId) || number <= lastSent) {
      return false;
    }
    if (number > lastSent + 1) {
      fill(number - 1, missed, out);
    }
    out.accept(event);
    lastSent = number;
    return true;
  }

  boolean watches(String room) {
    return room.equals(roomId);
  }

  /** Stops watching (the room was lost): nothing of it goes out any more. */
  void stop() {
    roomId = null;
  }

  long lastSent() {
    return lastSent;
  }

  private void fill(long upTo, LongFunction<List<E>> missed, Consumer<E> out) {
    while (lastSent < upTo) {
      List<E> page = missed.apply(lastSent);
      if (page.isEmpty()) {
        return;
      }
      for (E e : page) {
        long number = numberOf.applyAsLong(e);
        if (number <= lastSent) {
          continue; // a store page overlapping what went out already
        }
        if (number > upTo) {
          return;
        }
        out.accept(e);
        lastSent = number;
      }
    }
  }
}
