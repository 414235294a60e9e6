package io.parley.render;

import io.parley.messaging.Message;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A message named outside its room (a saved message, a reminder, an email): its room as the viewer
 * sees it, its author, the start of its text and the link that opens the room at it.
 */
@ApplicationScoped
public class MessageRefs {

  /** How much of a message's text a reference shows. */
  static final int EXCERPT = 160;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject RoomService rooms;
  @Inject UserService users;
  @Inject RoomViews views;

  /** One message, for a viewer who may read its room. */
  public LaterModels.MessageRef of(Message m, String viewerId) {
    Room room = rooms.access().visible(viewerId, m.roomId());
    String title = views.view(room, viewerId, 0, 0).title();
    User author = users.byIds(java.util.List.of(m.senderId())).get(m.senderId());
    String sender = author == null ? "someone" : author.displayName();
    return new LaterModels.MessageRef(
        m.roomId(),
        m.seq(),
        room.type().isDirect() ? title : "#" + title,
        sender,
        excerpt(m.body()),
        SearchViews.jumpTo(m.roomId(), m.seq(), m.threadOf(), m.threadOf() == 0 || m.alsoInRoom()),
        m.createdAt().toString(),
        label(m.createdAt()));
  }

  public static String label(Instant at) {
    return WHEN.format(at);
  }

  static String excerpt(String body) {
    String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
  }
}
