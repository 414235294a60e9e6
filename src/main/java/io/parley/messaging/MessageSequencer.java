package io.parley.messaging;

/**
 * Gives a new message the next seq of its room, stores it and announces it. Implementations make
 * sure one sequencer at a time writes to a room, so the order is gap-free.
 */
public interface MessageSequencer {

  /** Returns the stored message; a retry with a known clientMsgId returns the original. */
  SendResult append(NewMessage message);
}
