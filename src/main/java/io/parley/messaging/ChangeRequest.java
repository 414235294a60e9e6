package io.parley.messaging;

import io.parley.common.DomainException;
import io.parley.common.Ids;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One person's request to change a message, checked against the message's current state on the
 * room's sequencer (so two changes to one message never overwrite each other). {@code
 * clientChangeId} makes a retry harmless, like a send's clientMsgId.
 */
public record ChangeRequest(
    String roomId,
    long seq,
    String actorId,
    String clientChangeId,
    MessageChange.Kind kind,
    String body,
    String html,
    List<String> mentions,
    String emoji,
    Duration editWindow,
    boolean asModerator)
    implements Serializable {

  /** Reactions one message keeps at most (distinct emoji). */
  public static final int MAX_DISTINCT_REACTIONS = 50;

  public ChangeRequest {
    clientChangeId = Ids.requireClientId(clientChangeId, "clientChangeId");
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }

  /** Its author deleting a message. */
  public static ChangeRequest deletion(String roomId, long seq, String authorId, String id) {
    return deleting(roomId, seq, authorId, id, false);
  }

  /** A moderator removing someone's message (the caller checked they moderate the room). */
  public static ChangeRequest removal(String roomId, long seq, String moderatorId, String id) {
    return deleting(roomId, seq, moderatorId, id, true);
  }

  private static ChangeRequest deleting(
      String roomId, long seq, String actorId, String id, boolean asModerator) {
    return new ChangeRequest(
        roomId,
        seq,
        actorId,
        id,
        MessageChange.Kind.DELETED,
        null,
        null,
        null,
        null,
        null,
        asModerator);
  }

  /** The message as this change leaves it, or a refusal if the change is not allowed. */
  public Message apply(Message current, Instant now) {
    if (current.deleted()) {
      throw DomainException.conflict("that message was deleted");
    }
    return switch (kind) {
      case EDITED -> {
        requireAuthor(current, "edit");
        if (editWindow != null
            && !editWindow.isZero()
            && current.createdAt().plus(editWindow).isBefore(now)) {
          throw DomainException.forbidden(
              "messages can be edited for " + describe(editWindow) + " after they are sent");
        }
        yield current.edited(body, html, mentions, now);
      }
      case DELETED -> {
        if (asModerator) {
          yield current.tombstone(now, actorId);
        }
        requireAuthor(current, "delete");
        yield current.tombstone(now);
      }
      case REACTED -> current.withReactions(toggled(current.reactions()));
      case PINNED -> current.pinned() ? current : current.withPin(actorId);
      case UNPINNED -> current.pinned() ? current.withPin(null) : current;
      case REPLIED -> throw new IllegalArgumentException("a reply is a send, not a change");
    };
  }

  /**
   * Refuses what the actor may never do to this message, whatever its state: a retry answers as the
   * first attempt did, so a reused change id never turns a refusal into a 200.
   */
  public void authorise(Message current) {
    if (kind == MessageChange.Kind.EDITED) {
      requireAuthor(current, "edit");
    } else if (kind == MessageChange.Kind.DELETED && !asModerator) {
      requireAuthor(current, "delete");
    }
  }

  private void requireAuthor(Message current, String what) {
    if (!current.senderId().equals(actorId)) {
      throw DomainException.forbidden("you can only " + what + " your own messages");
    }
  }

  /** Adds the actor's reaction with {@code emoji}, or takes it back if they had it. */
  private Map<String, List<String>> toggled(Map<String, List<String>> reactions) {
    Map<String, List<String>> next = new LinkedHashMap<>(reactions);
    List<String> who = new ArrayList<>(next.getOrDefault(emoji, List.of()));
    if (!who.remove(actorId)) {
      if (!next.containsKey(emoji) && next.size() >= MAX_DISTINCT_REACTIONS) {
        throw DomainException.invalid(
            "a message takes at most " + MAX_DISTINCT_REACTIONS + " different reactions");
      }
      who.add(actorId);
    }
    if (who.isEmpty()) {
      next.remove(emoji);
    } else {
      next.put(emoji, who);
    }
    return next;
  }

  private static String describe(Duration window) {
    long minutes = window.toMinutes();
    return minutes % 60 == 0 && minutes > 0 ? minutes / 60 + " h" : minutes + " min";
  }
}
