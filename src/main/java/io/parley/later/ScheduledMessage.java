package io.parley.later;

import java.time.Instant;

/**
 * A message a person wrote to send at {@code sendAt}, into a room or (with {@code threadOf}) a
 * thread. {@code failure} says why it could not be sent when its time came (null while waiting):
 * such a message stays listed for its author to copy or delete.
 */
public record ScheduledMessage(
    String id,
    String userId,
    String roomId,
    long threadOf,
    String body,
    Instant sendAt,
    Instant createdAt,
    String failure) {

  public ScheduledMessage failed(String why) {
    return new ScheduledMessage(id, userId, roomId, threadOf, body, sendAt, createdAt, why);
  }

  /** The client message id of its send: a send retried after a crash is stored once. */
  public String clientMsgId() {
    return "later-" + id;
  }
}
