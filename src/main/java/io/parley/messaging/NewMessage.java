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
    List<String> mentions,
    String html,
    long threadOf,
    boolean alsoInRoom,
    List<Attachment> files)
    implements Serializable {

  /** Files one message carries at most. */
  public static final int MAX_FILES = 10;

  public static final int MAX_BODY = 4000;
  public static final String PLAIN_TEXT = "text/plain";
  private static final Set<String> CONTENT_TYPES = Set.of(PLAIN_TEXT, "text/markdown");
  private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
  private static final int MAX_METADATA = 16;
  private static final int MAX_METADATA_VALUE = 500;

  public NewMessage {
    files = files == null ? List.of() : List.copyOf(files);
    if (files.size() > MAX_FILES) {
      throw DomainException.invalid("a message carries at most " + MAX_FILES + " files");
    }
    body = files.isEmpty() || (body != null && !body.isBlank()) ? requireBody(body) : "";
    if (threadOf < 0) {
      throw DomainException.invalid("threadOf must be a message's seq");
    }
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
    this(
        roomId,
        senderId,
        body,
        contentType,
        clientMsgId,
        metadata,
        List.of(),
        null,
        0,
        false,
        null);
  }

  /** A message carrying stored files; its text may then be empty. */
  public static NewMessage withFiles(
      String roomId,
      String senderId,
      String body,
      String clientMsgId,
      Map<String, String> metadata,
      List<Attachment> files) {
    return new NewMessage(
        roomId,
        senderId,
        body,
        PLAIN_TEXT,
        clientMsgId,
        metadata,
        List.of(),
        null,
        0,
        false,
        files);
  }

  /** The same message, mentioning these member ids. */
  public NewMessage mentioning(List<String> memberIds) {
    return new NewMessage(
        roomId,
        senderId,
        body,
        contentType,
        clientMsgId,
        metadata,
        memberIds,
        html,
        threadOf,
        alsoInRoom,
        files);
  }

  /** The same message with its body formatted as {@code formatted}. */
  public NewMessage formatted(String formatted) {
    return new NewMessage(
        roomId,
        senderId,
        body,
        contentType,
        clientMsgId,
        metadata,
        mentions,
        formatted,
        threadOf,
        alsoInRoom,
        files);
  }

  /** The same message as a reply to {@code parentSeq}, shown in the room too if asked. */
  public NewMessage replyingTo(long parentSeq, boolean showInRoom) {
    return new NewMessage(
        roomId,
        senderId,
        body,
        contentType,
        clientMsgId,
        metadata,
        mentions,
        html,
        parentSeq,
        showInRoom,
        files);
  }

  /** The same message carrying these (stored) files. */
  public NewMessage carrying(List<Attachment> attached) {
    return new NewMessage(
        roomId,
        senderId,
        body,
        contentType,
        clientMsgId,
        metadata,
        mentions,
        html,
        threadOf,
        alsoInRoom,
        attached);
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
        mentions,
        html,
        null,
        null,
        threadOf,
        alsoInRoom,
        null,
        files,
        null);
  }

  /** A message body as typed: not empty, not too long, no control characters; stripped. */
  public static String requireBody(String body) {
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
    if (nesting(body) > MAX_NESTING) {
      throw DomainException.invalid(
          "quotes and lists nest at most " + MAX_NESTING + " levels deep in a message");
    }
    return body.strip();
  }

  /** How deep quotes and lists may nest: deeper is no chat message, and costs the renderer. */
  public static final int MAX_NESTING = 32;

  /** The deepest run of quote and list markers ({@code >}, {@code -}, {@code 1.}) on one line. */
  static int nesting(String body) {
    int deepest = 0;
    for (String line : body.split("\n", -1)) {
      int depth = 0;
      int i = 0;
      int n = line.length();
      while (i < n) {
        char c = line.charAt(i);
        if (c == ' ' || c == '\t' || c == '\r') {
          i++;
        } else if (c == '>') {
          depth++;
          i++;
        } else if ((c == '-' || c == '*' || c == '+') && i + 1 < n && isBlank(line.charAt(i + 1))) {
          depth++;
          i += 2;
        } else {
          int j = i;
          while (j < n && j - i < 9 && Character.isDigit(line.charAt(j))) {
            j++;
          }
          boolean ordered =
              j > i
                  && j + 1 < n
                  && (line.charAt(j) == '.' || line.charAt(j) == ')')
                  && isBlank(line.charAt(j + 1));
          if (!ordered) {
            break;
          }
          depth++;
          i = j + 2;
        }
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
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
