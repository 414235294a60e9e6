package io.parley.web;

import io.parley.cluster.HazelcastPresence;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.receipts.ReceiptStore;
import io.parley.rooms.Membership;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the view models of rooms and messages that pages and live pushes share. */
@ApplicationScoped
public class RoomViews {

  @Inject RoomService rooms;
  @Inject MessageService messages;
  @Inject ReceiptStore receipts;
  @Inject UserService users;
  @Inject HazelcastPresence presence;

  /** The room's members with their presence, online first, then by name. */
  public List<MemberView> members(String roomId) {
    List<Membership> members = rooms.members(roomId);
    Map<String, User> byId = users.byIds(members.stream().map(Membership::userId).toList());
    return members.stream()
        .map(
            m -> {
              User u = byId.get(m.userId());
              return new MemberView(
                  m.userId(),
                  u == null ? m.userId() : u.displayName(),
                  m.role().name().toLowerCase(),
                  presence.stateOf(m.userId()).name().toLowerCase(),
                  presence.lastSeen(m.userId()).map(Object::toString).orElse(null));
            })
        .sorted(
            java.util.Comparator.comparing((MemberView v) -> !v.state().equals("online"))
                .thenComparing(v -> v.name().toLowerCase()))
        .toList();
  }

  /** The user's rooms with unread counts, for the sidebar. */
  public List<RoomView> sidebar(String userId) {
    Map<String, Long> lastRead = receipts.lastRead(userId);
    return rooms.roomsOf(userId).stream()
        .map(r -> view(r, userId, messages.lastSeq(r.id()) - lastRead.getOrDefault(r.id(), 0L)))
        .toList();
  }

  public RoomView view(Room room, String viewerId, long unread) {
    String title = room.name();
    if (room.type().isDirect()) {
      Set<String> others =
          rooms.members(room.id()).stream()
              .map(Membership::userId)
              .filter(id -> !id.equals(viewerId))
              .collect(Collectors.toSet());
      title =
          users.byIds(others).values().stream()
              .map(User::displayName)
              .sorted()
              .collect(Collectors.joining(", "));
      if (title.isEmpty()) {
        title = "(just you)";
      }
    }
    return new RoomView(
        room.id(), title, room.type().name(), Math.max(0, unread), room.type().isDirect());
  }

  public List<MessageView> messages(Collection<Message> page, String viewerId) {
    Set<String> senders = new HashSet<>();
    page.forEach(m -> senders.add(m.senderId()));
    Map<String, User> byId = users.byIds(senders);
    return page.stream().map(m -> MessageView.of(m, byId.get(m.senderId()), viewerId)).toList();
  }
}
