package io.parley.retention;

import java.time.Instant;

/** A legal hold: nothing in the room, or nothing the person wrote, is deleted while it stands. */
public record Hold(Kind kind, String targetId, String placedBy, Instant at, String reason) {

  /** What a hold covers. */
  public enum Kind {
    ROOM,
    PERSON
  }
}
