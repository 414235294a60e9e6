package io.parley.messaging;

import io.parley.rooms.RoomService;
import java.util.List;
import java.util.Map;

/** What users do with messages: post them and read a room's history. Authorises every call. */
public class MessageService {

  private final RoomService rooms;
  private final MessageSequencer sequencer;
  private final MessageStore store;

  public MessageService(RoomService rooms, MessageSequencer sequencer, MessageStore store) {
    this.rooms = rooms;
    this.sequencer = sequencer;
    this.store = store;
  }

  /** Posts as {@code userId}; acknowledged only once stored. */
  public SendResult send(
      String userId, String roomId, String body, String clientMsgId, Map<String, String> metadata) {
    rooms.requireMember(userId, roomId);
    return sequencer.append(
        new NewMessage(roomId, userId, body, NewMessage.PLAIN_TEXT, clientMsgId, metadata));
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
