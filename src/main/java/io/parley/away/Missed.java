package io.parley.away;

import java.time.Instant;

/** Something a person may have missed: a mention, a direct message, a reminder that fired. */
public record Missed(String userId, String roomId, long seq, Kind kind, Instant at) {

  public enum Kind {
    MENTION,
    DIRECT,
    REMINDER
  }
}
