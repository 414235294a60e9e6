package io.parley.later;

import java.time.Instant;

/**
 * A reminder a person set on a message: due at {@code dueAt}; {@code firedAt} is when it fired
 * (null until then). A fired reminder stays listed until dismissed, so one that fired while the
 * person was away is still there when they come back.
 */
public record Reminder(
    String id,
    String userId,
    String roomId,
    long seq,
    Instant dueAt,
    Instant createdAt,
    Instant firedAt) {

  public boolean fired() {
    return firedAt != null;
  }
}
