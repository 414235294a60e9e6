package io.parley.render;

import java.util.List;

/** The models of a person's own lists: saved messages, scheduled messages, reminders. */
public final class LaterModels {

  private LaterModels() {}

  /** A message named outside its room: where, who, the start of its text, the link to it. */
  public record MessageRef(
      String roomId,
      long seq,
      String room,
      String sender,
      String excerpt,
      String url,
      String at,
      String atLabel)
      implements Model {}

  /** A saved message on the Saved page. */
  public record SavedRow(MessageRef message, String savedAt) implements Model {}

  /** The Saved page. */
  public record SavedPage(PageModels.Frame frame, List<SavedRow> saved, int max) implements Model {}

  /** A reminder on the Later page (its message as the person may still read it, or null). */
  public record ReminderRow(
      String id, MessageRef message, String dueAt, String dueLabel, boolean fired)
      implements Model {}

  /** A scheduled message on the Later page; {@code failure} says why it was not sent. */
  public record ScheduledRow(
      String id,
      String roomId,
      String room,
      long threadOf,
      String body,
      String sendAt,
      String sendAtLabel,
      String sendAtLocal,
      String failure)
      implements Model {}

  /** The Later page: scheduled messages and reminders. */
  public record LaterPage(
      PageModels.Frame frame,
      List<ScheduledRow> scheduled,
      List<ReminderRow> reminders,
      String error,
      String done)
      implements Model {}

  /**
   * A person's email choices on the profile; {@code mailConfigured} false: the server sends none.
   */
  public record NotificationChoices(
      String email,
      String frequency,
      boolean includeText,
      boolean alsoEmailPushed,
      boolean mailConfigured,
      String vapidPublicKey,
      List<DeviceRow> devices) {}

  /** A device with push notifications, as the profile lists it. */
  public record DeviceRow(String id, String label, String host, String since) {}

  /**
   * The unsubscribe page: asking (with the token to post), or done; {@code valid} false: a bad
   * link.
   */
  public record UnsubscribePage(PageModels.Frame frame, String token, boolean valid, boolean done)
      implements Model {}

  /** A followed thread in the inbox: where, its first message, replies, unread, last activity. */
  public record ThreadRow(
      MessageRef parent, int replies, int unread, String lastActivity, String lastActivityLabel)
      implements Model {}

  /** The Threads page, and its list alone (reloaded live). */
  public record ThreadsPage(PageModels.Frame frame, List<ThreadRow> rows) implements Model {}

  public record ThreadRows(List<ThreadRow> rows) implements Model {}
}
