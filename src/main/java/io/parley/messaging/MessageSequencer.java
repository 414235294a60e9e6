package io.parley.messaging;

/**
 * Gives a new message the next seq of its room, or a change the next rev, stores it and announces
 * it. Implementations make sure one sequencer at a time writes to a room, so both orders are
 * gap-free and a change always sees the message's latest state.
 */
public interface MessageSequencer {

  /** Returns the stored message; a retry with a known clientMsgId returns the original. */
  SendResult append(NewMessage message);

  /** Applies the change to the message's current state; a retry changes nothing. */
  ChangeResult change(ChangeRequest request);
}
