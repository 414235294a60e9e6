package io.parley.rooms;

import java.time.Instant;

/** A person kept out of a room until {@code until} (null: until a moderator lifts it). */
public record Ban(Instant until) {

  public static final Ban FOREVER = new Ban(null);

  /** Whether the ban holds at {@code now}; an expired one keeps nobody out, on any node. */
  public boolean activeAt(Instant now) {
    return until == null || now.isBefore(until);
  }
}
