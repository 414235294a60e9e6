package io.parley.web;

import io.parley.messaging.Message;
import io.parley.users.User;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the message fragment shows; {@code mine} is the only part that differs per viewer. */
public record MessageView(
    String domId,
    String roomId,
    long seq,
    String senderName,
    String initials,
    String body,
    String createdAt,
    String timeLabel,
    boolean mine) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  public static MessageView of(Message m, User sender, String viewerId) {
    String name = sender == null ? "unknown user" : sender.displayName();
    return new MessageView(
        "msg-" + m.roomId() + "-" + m.seq(),
        m.roomId(),
        m.seq(),
        name,
        initials(name),
        m.body(),
        m.createdAt().toString(),
        TIME.format(m.createdAt()),
        m.senderId().equals(viewerId));
  }

  static String initials(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : name.strip().split("\\s+")) {
      if (!word.isEmpty() && out.length() < 2) {
        out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      }
    }
    return out.length() == 0 ? "?" : out.toString();
  }
}
