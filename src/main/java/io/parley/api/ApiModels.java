package io.parley.api;

import io.parley.messaging.Message;
import io.parley.rooms.Room;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the API. Inputs hold only strings, so no user map ever reaches a query. */
public final class ApiModels {

  private ApiModels() {}

  public record RoomJson(
      String id,
      String name,
      String type,
      String createdAt,
      String mode,
      int slowModeSeconds,
      String state,
      String topic) {
    static RoomJson of(Room r) {
      return new RoomJson(
          r.id(),
          r.name(),
          r.type().name().toLowerCase(),
          r.createdAt().toString(),
          r.mode().name().toLowerCase(),
          r.slowModeSeconds(),
          r.state().name().toLowerCase(),
          r.topic());
    }
  }

  /**
   * A moderator's act: mute, unmute, kick, ban, unban, promote or demote, on a username; a mute or
   * ban lasts {@code minutes} or {@code seconds} (neither: until lifted); {@code reason} goes to
   * the audit log.
   */
  public record Moderate(
      String action, String username, Long minutes, Long seconds, String reason) {}

  /** Archive a room (true) or bring it back (false). */
  public record Archive(Boolean archived) {}

  /** Seconds between one person's messages in the room; 0 turns slow mode off. */
  public record SlowMode(Integer seconds) {}

  /** A room's mode: open or read_only. */
  public record ChangeMode(String mode) {}

  public record RoomList(List<RoomJson> rooms) {}

  public record CreateRoom(String name, String type) {}

  public record OpenDirect(List<String> usernames) {}

  public record MessageJson(
      String id,
      String roomId,
      long seq,
      String senderId,
      String body,
      String contentType,
      String createdAt,
      String editedAt,
      boolean deleted,
      String clientMsgId,
      Map<String, String> metadata,
      List<String> mentions,
      String html,
      Map<String, List<String>> reactions,
      String pinnedBy,
      Long threadOf,
      boolean alsoInRoom,
      int replies,
      List<FileJson> files,
      String removedBy) {
    static MessageJson of(Message m) {
      return new MessageJson(
          m.id(),
          m.roomId(),
          m.seq(),
          m.senderId(),
          m.body(),
          m.contentType(),
          m.createdAt().toString(),
          m.editedAt() == null ? null : m.editedAt().toString(),
          m.deleted(),
          m.clientMsgId(),
          m.metadata(),
          m.mentions(),
          m.html(),
          m.reactions(),
          m.pinnedBy(),
          m.threadOf() > 0 ? m.threadOf() : null,
          m.alsoInRoom(),
          m.thread().replies(),
          m.files().stream().map(FileJson::of).toList(),
          m.removedBy());
    }
  }

  /** A file of a message; {@code url} downloads it, {@code thumbnailUrl} is set for images. */
  public record FileJson(
      String id, String name, String contentType, long size, String url, String thumbnailUrl) {
    static FileJson of(io.parley.messaging.Attachment a) {
      return new FileJson(
          a.fileId(),
          a.name(),
          a.contentType(),
          a.size(),
          "/files/" + a.fileId(),
          a.image() ? "/files/" + a.thumbnailId() : null);
    }
  }

  public record MessageList(List<MessageJson> messages, boolean hasOlder) {}

  public record PostMessage(
      String body,
      String clientMsgId,
      Map<String, String> metadata,
      Long threadOf,
      Boolean alsoInRoom,
      List<String> files) {}

  /**
   * An edit, reaction, pin or removal: what changes (a removal's reason), and the caller's id for
   * it (a retry is harmless).
   */
  public record ChangeMessage(String body, String emoji, String reason, String clientChangeId) {}

  /** A change in a room's change order, with the message as it is now. */
  public record ChangeJson(
      long rev, long seq, String kind, String actorId, String at, MessageJson message) {
    static ChangeJson of(io.parley.messaging.MessageChange c) {
      return new ChangeJson(
          c.rev(),
          c.seq(),
          c.kind().name().toLowerCase(java.util.Locale.ROOT),
          c.actorId(),
          c.at().toString(),
          MessageJson.of(c.after()));
    }
  }

  public record ChangeList(List<ChangeJson> changes, long lastRev) {}

  /** An earlier version of a message: who changed it, when, and the text it had before. */
  public record EditJson(String editorId, String at, String previousBody) {}

  /** A thread: the message and its replies, in order. */
  public record ThreadJson(MessageJson parent, List<MessageJson> replies) {}

  public record Problem(String error, String message) {}

  /** A report: its id, the message, who reported it and why, and what became of it. */
  public record ReportJson(
      String id,
      String roomId,
      long seq,
      String senderId,
      String reporterId,
      String reason,
      String at,
      String status,
      String outcome,
      String handledBy) {
    static ReportJson of(io.parley.reports.Report r) {
      return new ReportJson(
          r.id(),
          r.roomId(),
          r.seq(),
          r.senderId(),
          r.reporterId(),
          r.reason(),
          r.at().toString(),
          r.status().name().toLowerCase(),
          r.outcome(),
          r.handledBy());
    }
  }

  /** A moderator's handling of a report: dismiss, delete, mute or ban (for minutes, or ever). */
  public record HandleReport(String id, String action, Long minutes, String note) {}
}
