package io.parley.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored message in its current state: {@code seq} is its place in the room's single, gap-free
 * order; {@code mentions} are the ids of the members it mentions; {@code html} is the body
 * formatted once, when it was posted or edited (null for messages stored before formatting); {@code
 * reactions} maps each emoji to the ids of the people who reacted with it, in the order they did;
 * {@code threadOf} is the seq of the message this one replies to (0 for a room message), and {@code
 * alsoInRoom} says the reply is shown in the room too.
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
    List<String> mentions,
    String html,
    Map<String, List<String>> reactions,
    String pinnedBy,
    long threadOf,
    boolean alsoInRoom,
    ThreadSummary thread,
    List<Attachment> files,
    String removedBy)
    implements RoomEvent, java.io.Serializable {

  public Message {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    reactions = reactions == null ? Map.of() : copyInOrder(reactions);
    thread = thread == null ? ThreadSummary.NONE : thread;
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** A plain message as it was first stored: no reactions, pin, thread or files. */
  public Message(
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
      List<String> mentions) {
    this(
        id,
        roomId,
        seq,
        senderId,
        body,
        contentType,
        createdAt,
        editedAt,
        deleted,
        clientMsgId,
        metadata,
        mentions,
        null,
        null,
        null,
        0,
        false,
        null,
        null,
        null);
  }

  public boolean mentions(String userId) {
    return mentions.contains(userId);
  }

  /** Whether this is a reply in a thread rather than a message of the room's timeline. */
  public boolean isReply() {
    return threadOf > 0;
  }

  /** Whether the room's timeline shows it: room messages, and replies also sent to the room. */
  public boolean inTimeline() {
    return threadOf == 0 || alsoInRoom;
  }

  public boolean pinned() {
    return pinnedBy != null;
  }

  /** The same message with a new body (formatted as {@code html}) and mentions, edited now. */
  public Message edited(String newBody, String newHtml, List<String> newMentions, Instant at) {
    return new Message(
        id,
        roomId,
        seq,
        senderId,
        newBody,
        contentType,
        createdAt,
        at,
        false,
        clientMsgId,
        metadata,
        newMentions,
        newHtml,
        reactions,
        pinnedBy,
        threadOf,
        alsoInRoom,
        thread,
        files,
        removedBy);
  }

  /**
   * The tombstone: body, formatting, mentions, reactions, pin and files are gone; the place in the
   * room and the thread summary stay.
   */
  public Message tombstone(Instant at) {
    return tombstone(at, null);
  }

  /** The tombstone of a message a moderator removed. */
  public Message tombstone(Instant at, String moderatorId) {
    return new Message(
        id,
        roomId,
        seq,
        senderId,
        "",
        contentType,
        createdAt,
        at,
        true,
        clientMsgId,
        Map.of(),
        List.of(),
        null,
        Map.of(),
        null,
        threadOf,
        alsoInRoom,
        thread,
        List.of(),
        moderatorId);
  }

  public Message withReactions(Map<String, List<String>> newReactions) {
    return new Message(
        id,
        roomId,
        seq,
        senderId,
        body,
        contentType,
        createdAt,
        editedAt,
        deleted,
        clientMsgId,
        metadata,
        mentions,
        html,
        newReactions,
        pinnedBy,
        threadOf,
        alsoInRoom,
        thread,
        files,
        removedBy);
  }

  public Message withPin(String by) {
    return new Message(
        id,
        roomId,
        seq,
        senderId,
        body,
        contentType,
        createdAt,
        editedAt,
        deleted,
        clientMsgId,
        metadata,
        mentions,
        html,
        reactions,
        by,
        threadOf,
        alsoInRoom,
        thread,
        files,
        removedBy);
  }

  public Message withThread(ThreadSummary summary) {
    return new Message(
        id,
        roomId,
        seq,
        senderId,
        body,
        contentType,
        createdAt,
        editedAt,
        deleted,
        clientMsgId,
        metadata,
        mentions,
        html,
        reactions,
        pinnedBy,
        threadOf,
        alsoInRoom,
        summary,
        files,
        removedBy);
  }

  private static Map<String, List<String>> copyInOrder(Map<String, List<String>> reactions) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    reactions.forEach(
        (emoji, who) -> {
          if (who != null && !who.isEmpty()) {
            copy.put(emoji, List.copyOf(who));
          }
        });
    return java.util.Collections.unmodifiableMap(copy);
  }
}
