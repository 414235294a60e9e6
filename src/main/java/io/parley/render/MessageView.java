package io.parley.render;

import io.parley.messaging.Attachment;
import io.parley.messaging.Message;
import io.parley.users.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the message fragment shows. {@code html} is the body as formatted when it was posted or
 * edited (escaped and sanitised by {@link Markdown}); {@code mine} and {@code mentionsMe} are the
 * only parts that differ per viewer. {@code domId} names the element in the room's timeline
 * ("msg-…") or in a thread panel ("reply-…").
 */
public record MessageView(
    String domId,
    String roomId,
    long seq,
    String senderName,
    AvatarView avatar,
    String body,
    String html,
    String createdAt,
    String timeLabel,
    boolean mine,
    boolean mentionsMe,
    boolean deleted,
    String editedAt,
    String editedLabel,
    String pinnedBy,
    List<ReactionView> reactions,
    long threadOf,
    int replies,
    String lastReplyAt,
    String lastReplyLabel,
    List<FileView> files,
    boolean threadUnread,
    boolean removedByModerator,
    boolean bot) {

  /** One emoji's reactions: how many, who (for the hover title), and their ids (to mark yours). */
  public record ReactionView(String emoji, String label, int count, String who, String userIds) {}

  /** A file of the message: a thumbnail to show for images, a link to download for any. */
  public record FileView(
      String name, String url, String thumbnailUrl, int width, int height, String sizeLabel) {}

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneOffset.UTC);

  /**
   * @param users the sender, the mentioned members, those who reacted or pinned, by id (missing
   *     ones render as unknown)
   * @param html the body as formatted (the stored one, or formatted now for older messages)
   */
  public static MessageView of(
      Message m, Map<String, User> users, String viewerId, String html, EmojiCatalogue emoji) {
    User sender = users.get(m.senderId());
    boolean bot = sender != null && sender.bot();
    // A webhook may post under a name of its own ("as"); the bot badge still says what it is.
    String name =
        sender == null
            ? "unknown user"
            : bot && m.metadata().containsKey("as") ? m.metadata().get("as") : sender.displayName();
    List<ReactionView> reactions = new ArrayList<>();
    m.reactions()
        .forEach(
            (e, who) ->
                reactions.add(
                    new ReactionView(
                        e, emoji.label(e), who.size(), names(who, users), String.join(" ", who))));
    User pinner = m.pinnedBy() == null ? null : users.get(m.pinnedBy());
    return new MessageView(
        "msg-" + m.roomId() + "-" + m.seq(),
        m.roomId(),
        m.seq(),
        name,
        AvatarView.of(sender, name),
        m.body(),
        m.deleted() ? null : html,
        m.createdAt().toString(),
        TIME.format(m.createdAt()),
        m.senderId().equals(viewerId),
        m.mentions(viewerId),
        m.deleted(),
        m.editedAt() == null ? null : m.editedAt().toString(),
        m.editedAt() == null ? null : "edited " + label(m.editedAt(), m.createdAt()),
        m.pinnedBy() == null ? null : pinner == null ? "someone" : pinner.displayName(),
        reactions,
        m.threadOf(),
        m.thread().replies(),
        m.thread().lastReplyAt() == null ? null : m.thread().lastReplyAt().toString(),
        m.thread().lastReplyAt() == null ? null : label(m.thread().lastReplyAt(), m.createdAt()),
        files(m),
        false,
        m.removedBy() != null,
        bot);
  }

  /** The same message as shown in a thread panel (its own element id there). */
  public MessageView inThread() {
    return shownIn("reply");
  }

  /** The same message as shown in a panel whose element ids start with {@code prefix}. */
  public MessageView shownIn(String prefix) {
    return copy(prefix + "-" + roomId + "-" + seq, threadUnread);
  }

  /** The same message, its thread marked as having replies the viewer has not read. */
  public MessageView withUnreadThread() {
    return copy(domId, true);
  }

  private MessageView copy(String newDomId, boolean unread) {
    return new MessageView(
        newDomId,
        roomId,
        seq,
        senderName,
        avatar,
        body,
        html,
        createdAt,
        timeLabel,
        mine,
        mentionsMe,
        deleted,
        editedAt,
        editedLabel,
        pinnedBy,
        reactions,
        threadOf,
        replies,
        lastReplyAt,
        lastReplyLabel,
        files,
        unread,
        removedByModerator,
        bot);
  }

  /** The classes the message element adds: mine, mentions-me, deleted, pinned. */
  public String classes() {
    List<String> classes = new ArrayList<>();
    if (mine) {
      classes.add("mine");
    }
    if (mentionsMe) {
      classes.add("mentions-me");
    }
    if (deleted) {
      classes.add("deleted");
    }
    if (pinnedBy != null) {
      classes.add("pinned");
    }
    return String.join(" ", classes);
  }

  public boolean edited() {
    return editedAt != null && !deleted;
  }

  /** The thread link's count: "1 reply" / "3 replies" (the page adds when the last one came). */
  public String threadLabel() {
    return replies == 1 ? "1 reply" : replies + " replies";
  }

  /** A time, with its day when it is not the message's own day. */
  private static String label(Instant at, Instant posted) {
    return at.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .equals(posted.atZone(ZoneOffset.UTC).toLocalDate())
        ? TIME.format(at)
        : DAY_TIME.format(at);
  }

  private static String names(List<String> ids, Map<String, User> users) {
    List<String> names = new ArrayList<>();
    for (String id : ids) {
      User u = users.get(id);
      names.add(u == null ? "someone" : u.displayName());
    }
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }

  private static List<FileView> files(Message m) {
    List<FileView> views = new ArrayList<>();
    for (Attachment a : m.files()) {
      views.add(
          new FileView(
              a.name(),
              "/files/" + a.fileId(),
              a.image() ? "/files/" + a.thumbnailId() : null,
              a.width(),
              a.height(),
              size(a.size())));
    }
    return views;
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 512) / 1024 + " KB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
