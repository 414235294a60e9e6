package io.parley.reports;

import java.time.Instant;

/**
 * A member's report of one message. Keyed by room, message and reporter: one report per person per
 * message. {@code outcome} says what the moderator did, in words the reporter is shown.
 */
public record Report(
    String roomId,
    long seq,
    String senderId,
    String reporterId,
    String reason,
    Instant at,
    Status status,
    String outcome,
    String handledBy,
    Instant handledAt) {

  public enum Status {
    OPEN,
    DISMISSED,
    ACTED
  }

  /** What a moderator does about a report. */
  public enum Action {
    DISMISS,
    DELETE,
    MUTE,
    BAN
  }

  /** The report's id: "roomId/seq/reporterId". */
  public String id() {
    return id(roomId, seq, reporterId);
  }

  public static String id(String roomId, long seq, String reporterId) {
    return roomId + "/" + seq + "/" + reporterId;
  }

  public boolean open() {
    return status == Status.OPEN;
  }

  public Report handled(Status how, String what, String moderatorId, Instant when) {
    return new Report(roomId, seq, senderId, reporterId, reason, at, how, what, moderatorId, when);
  }
}
