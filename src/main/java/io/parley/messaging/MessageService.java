package io.parley.messaging;

import io.parley.common.DomainException;
import io.parley.rooms.Membership;
import io.parley.rooms.RoomService;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What users do with messages: post them and read a room's history. Authorises every call. */
public class MessageService {

  private final RoomService rooms;
  private final MessageSequencer sequencer;
  private final MessageStore store;
  private final Usernames usernames;
  private final SendLimit limit;

  /**
   * Decides whether the user may post in the room now; returns the seconds to wait, or 0. Shared by
   * every way in (socket, API, plain form) and, in a cluster, by every node.
   */
  @FunctionalInterface
  public interface SendLimit {
    SendLimit NONE = (userId, roomId) -> 0;

    long secondsToWait(String userId, String roomId);
  }

  /** Looks up the usernames of user ids (absent ids are skipped), to resolve mentions. */
  @FunctionalInterface
  public interface Usernames {
    Map<String, String> of(Collection<String> userIds);
  }

  public MessageService(
      RoomService rooms, MessageSequencer sequencer, MessageStore store, Usernames usernames) {
    this(rooms, sequencer, store, usernames, SendLimit.NONE);
  }

  public MessageService(
      RoomService rooms,
      MessageSequencer sequencer,
      MessageStore store,
      Usernames usernames,
      SendLimit limit) {
    this.rooms = rooms;
    this.sequencer = sequencer;
    this.store = store;
    this.usernames = usernames;
    this.limit = limit;
  }

  /** Posts as {@code userId}; acknowledged only once stored. */
  public SendResult send(
      String userId, String roomId, String body, String clientMsgId, Map<String, String> metadata) {
    rooms.requirePoster(userId, roomId);
    NewMessage draft =
        new NewMessage(roomId, userId, body, NewMessage.PLAIN_TEXT, clientMsgId, metadata);
    long wait = limit.secondsToWait(userId, roomId);
    if (wait > 0) {
      throw DomainException.rateLimited("You are sending messages", wait);
    }
    return sequencer.append(draft.mentioning(mentioned(roomId, userId, draft.body())));
  }

  /** The other members whose usernames the body names with {@code @}. */
  private List<String> mentioned(String roomId, String senderId, String body) {
    Set<String> handles = Mentions.handles(body);
    if (handles.isEmpty()) {
      return List.of();
    }
    List<String> others =
        rooms.members(roomId).stream()
            .map(Membership::userId)
            .filter(id -> !id.equals(senderId))
            .toList();
    return usernames.of(others).entrySet().stream()
        .filter(e -> handles.contains(e.getValue().toLowerCase(Locale.ROOT)))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** How many messages above {@code afterSeq} in the room mention the user. */
  public long mentionsSince(String userId, String roomId, long afterSeq) {
    return store.countMentions(roomId, userId, afterSeq);
  }

  /** A page of the room's history, if the user may see the room. */
  public MessagePage history(String userId, String roomId, HistoryQuery query) {
    rooms.visible(userId, roomId);
    if (query.after() != null) {
      List<Message> page = store.after(roomId, query.after(), query.limit());
      boolean hasOlder = !page.isEmpty() && page.get(0).seq() > 1;
      return new MessagePage(page, hasOlder || query.after() > 0);
    }
    long before = query.before() != null ? query.before() : Long.MAX_VALUE;
    List<Message> page = store.before(roomId, before, query.limit());
    return new MessagePage(page, !page.isEmpty() && page.get(0).seq() > 1);
  }

  /** The highest seq of the room (0 when empty), for unread counts. */
  public long lastSeq(String roomId) {
    return store.lastSeq(roomId);
  }
}
