package io.parley.messaging;

import java.time.Instant;
import java.util.Map;

/** A stored message: {@code seq} is its place in the room's single, gap-free order. */
public record Message(
    String id,
    String roomId,
    long seq,
    String senderId,
    String body,
    String contentType,
    Instant createdAt,
    Instant editedAt,
    boolean deleted,
    String clientMsgId,
    Map<String, String> metadata)
    implements java.io.Serializable {

  public Message {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
