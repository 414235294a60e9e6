package io.parley.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored message: {@code seq} is its place in the room's single, gap-free order; {@code mentions}
 * are the ids of the members it mentions.
 */
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
    Map<String, String> metadata,
    List<String> mentions)
    implements java.io.Serializable {

  public Message {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }

  public boolean mentions(String userId) {
    return mentions.contains(userId);
  }
}
