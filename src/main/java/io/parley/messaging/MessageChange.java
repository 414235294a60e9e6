package io.parley.messaging;

import java.io.Serializable;
import java.time.Instant;

/**
 * A change to a message, with its own place in the room's change order: {@code rev} counts the
 * room's changes gap-free, as {@code seq} counts its messages, so a page that missed some catches
 * up on them like on messages. {@code after} is the message as the change left it (for a catch-up,
 * its current state).
 */
public record MessageChange(
    String roomId, long rev, long seq, Kind kind, String actorId, Instant at, Message after)
    implements RoomEvent, Serializable {

  /** What happened to the message. */
  public enum Kind {
    EDITED,
    DELETED,
    REACTED,
    PINNED,
    UNPINNED,
    /** A reply was added to its thread. */
    REPLIED
  }

  /** The same change carrying the message's current state. */
  public MessageChange showing(Message current) {
    return new MessageChange(roomId, rev, seq, kind, actorId, at, current);
  }
}
