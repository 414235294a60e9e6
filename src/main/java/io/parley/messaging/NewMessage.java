package io.parley.messaging;

import io.parley.common.DomainException;
import io.parley.common.Ids;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A validated message that has not been given its place in the room yet. */
public record NewMessage(
    String roomId,
    String senderId,
    String body,
    String contentType,
    String clientMsgId,
    Map<String, String> metadata,
    List<String> mentions)
    implements Serializable {

  public static final int MAX_BODY = 4000;
  public static final String PLAIN_TEXT = "text/plain";
  private static final Set<String> CONTENT_TYPES = Set.of(PLAIN_TEXT, "text/markdown");
  private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
  private static final int MAX_METADATA = 16;
  private static final int MAX_METADATA_VALUE = 500;

  public NewMessage {
    body = requireBody(body);
    contentType = contentType == null ? PLAIN_TEXT : contentType;
    if (!CONTENT_TYPES.contains(contentType)) {
      throw DomainException.invalid("contentType must be one of " + CONTENT_TYPES);
    }
    clientMsgId = Ids.requireClientId(clientMsgId, "clientMsgId");
    metadata = requireMetadata(metadata);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }

  public NewMessage(
      String roomId,
      String senderId,
      String body,
      String contentType,
      String clientMsgId,
      Map<String, String> metadata) {
    this(roomId, senderId, body, contentType, clientMsgId, metadata, List.of());
  }

  /** The same message, mentioning these member ids. */
  public NewMessage mentioning(List<String> memberIds) {
    return new NewMessage(roomId, senderId, body, contentType, clientMsgId, metadata, memberIds);
  }

  public Message place(String id, long seq, Instant now) {
    return new Message(
        id,
        roomId,
        seq,
        senderId,
        body,
        contentType,
        now,
        null,
        false,
        clientMsgId,
        metadata,
        mentions);
  }

  private static String requireBody(String body) {
    if (body == null || body.isBlank()) {
      throw DomainException.invalid("message must not be empty");
    }
    if (body.codePointCount(0, body.length()) > MAX_BODY) {
      throw DomainException.invalid("message must be at most " + MAX_BODY + " characters");
    }
    boolean badControl =
        body.chars()
            .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    if (badControl) {
      throw DomainException.invalid("message must not contain control characters");
    }
    return body.strip();
  }

  private static Map<String, String> requireMetadata(Map<String, String> metadata) {
    if (metadata == null || metadata.isEmpty()) {
      return Map.of();
    }
    if (metadata.size() > MAX_METADATA) {
      throw DomainException.invalid("metadata has at most " + MAX_METADATA + " entries");
    }
    metadata.forEach(
        (key, value) -> {
          if (key == null || !METADATA_KEY.matcher(key).matches()) {
            throw DomainException.invalid(
                "metadata keys are 1-40 characters of A-Z, a-z, 0-9, '_', '.', '-'");
          }
          if (value == null || value.length() > MAX_METADATA_VALUE) {
            throw DomainException.invalid(
                "metadata values are at most " + MAX_METADATA_VALUE + " characters");
          }
        });
    return Map.copyOf(metadata);
  }
}
