package io.parley.messaging;

import io.parley.rooms.Membership;
import io.parley.rooms.RoomService;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** Who a message body mentions: members by {@code @username}, the room, or those here. */
final class MentionFinder {

  /** Who a body mentions (member ids) and the handles to highlight in it (lower-cased). */
  record Mentioned(List<String> userIds, Set<String> handles) {
    static final Mentioned NONE = new Mentioned(List.of(), Set.of());
  }

  private final RoomService rooms;
  private final Usernames usernames;
  private final RoomWideMentions roomWide;
  private final UnaryOperator<Set<String>> onlineAmong;
  private final java.util.function.Function<Set<String>, Map<String, Set<String>>> groups;

  MentionFinder(
      RoomService rooms,
      Usernames usernames,
      RoomWideMentions roomWide,
      UnaryOperator<Set<String>> onlineAmong,
      java.util.function.Function<Set<String>, Map<String, Set<String>>> groups) {
    this.rooms = rooms;
    this.usernames = usernames;
    this.roomWide = roomWide;
    this.onlineAmong = onlineAmong;
    this.groups = groups;
  }

  /**
   * The other members the body names with {@code @username}, plus all of them for {@code @room} or
   * those online for {@code @here} when the sender may use those. A member whose username is "room"
   * or "here" is mentioned by name whenever the room-wide meaning does not apply.
   */
  Mentioned in(String roomId, String senderId, String body) {
    Set<String> written = Mentions.handles(body);
    if (written.isEmpty()) {
      return Mentioned.NONE;
    }
    List<String> others =
        rooms.memberLists().members(roomId).stream()
            .map(Membership::userId)
            .filter(id -> !id.equals(senderId))
            .toList();
    Map<String, String> names = usernames.of(others);
    Set<String> handles = new HashSet<>();
    Set<String> ids = new TreeSet<>();
    boolean room = written.contains(Mentions.ROOM) && mayMentionRoom(senderId, roomId);
    boolean here = written.contains(Mentions.HERE) && mayMentionRoom(senderId, roomId);
    if (room) {
      handles.add(Mentions.ROOM);
      ids.addAll(others);
    }
    if (here) {
      handles.add(Mentions.HERE);
      ids.addAll(onlineAmong.apply(Set.copyOf(others)));
    }
    names.forEach(
        (id, username) -> {
          String handle = username.toLowerCase(Locale.ROOT);
          boolean roomWideWord =
              handle.equals(Mentions.ROOM) && room || handle.equals(Mentions.HERE) && here;
          if (written.contains(handle) && !roomWideWord) {
            handles.add(handle);
            ids.add(id);
          }
        });
    // Handles that are nobody's username may name a group: its members who are in the room.
    Set<String> rest = new HashSet<>(written);
    rest.removeAll(handles);
    rest.remove(Mentions.ROOM);
    rest.remove(Mentions.HERE);
    names.values().forEach(u -> rest.remove(u.toLowerCase(Locale.ROOT)));
    if (!rest.isEmpty()) {
      Set<String> inRoom = Set.copyOf(others);
      groups
          .apply(rest)
          .forEach(
              (handle, members) -> {
                handles.add(handle);
                members.stream().filter(inRoom::contains).forEach(ids::add);
              });
    }
    return new Mentioned(List.copyOf(ids), Set.copyOf(handles));
  }

  private boolean mayMentionRoom(String senderId, String roomId) {
    return switch (roomWide) {
      case NOBODY -> false;
      case EVERYONE -> true;
      case MODERATORS -> rooms.access().canModerate(senderId, roomId);
    };
  }
}
