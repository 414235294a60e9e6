package io.parley.render;

import io.parley.messaging.Mentions;
import io.parley.messaging.Message;
import io.parley.users.User;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the message fragment shows. {@code mine} and {@code mentionsMe} are the only parts that
 * differ per viewer; {@code parts} is the body cut into text and highlighted mentions.
 */
public record MessageView(
    String domId,
    String roomId,
    long seq,
    String senderName,
    AvatarView avatar,
    String body,
    List<PartView> parts,
    String createdAt,
    String timeLabel,
    boolean mine,
    boolean mentionsMe) {

  /** A piece of the body: plain text, or a mention (of the viewer, when {@code me}). */
  public record PartView(String text, boolean mention, boolean me) {}

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  /**
   * @param users the sender and the mentioned members, by id (missing ones render as unknown)
   */
  public static MessageView of(Message m, Map<String, User> users, String viewerId) {
    User sender = users.get(m.senderId());
    String name = sender == null ? "unknown user" : sender.displayName();
    Set<String> handles = new HashSet<>();
    String myHandle = null;
    for (String id : m.mentions()) {
      User u = users.get(id);
      if (u != null) {
        String handle = u.username().toLowerCase(Locale.ROOT);
        handles.add(handle);
        if (id.equals(viewerId)) {
          myHandle = handle;
        }
      }
    }
    String me = myHandle;
    List<PartView> parts =
        Mentions.split(m.body(), handles).stream()
            .map(p -> new PartView(p.text(), p.mention(), p.mention() && p.handle().equals(me)))
            .toList();
    return new MessageView(
        "msg-" + m.roomId() + "-" + m.seq(),
        m.roomId(),
        m.seq(),
        name,
        AvatarView.of(sender, name),
        m.body(),
        parts,
        m.createdAt().toString(),
        TIME.format(m.createdAt()),
        m.senderId().equals(viewerId),
        m.mentions(viewerId));
  }
}
