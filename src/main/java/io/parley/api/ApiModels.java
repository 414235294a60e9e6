package io.parley.api;

import io.parley.messaging.Message;
import io.parley.rooms.Room;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the API. Inputs hold only strings, so no user map ever reaches a query. */
public final class ApiModels {

  private ApiModels() {}

  public record RoomJson(String id, String name, String type, String createdAt, String mode) {
    static RoomJson of(Room r) {
      return new RoomJson(
          r.id(),
          r.name(),
          r.type().name().toLowerCase(),
          r.createdAt().toString(),
          r.mode().name().toLowerCase());
    }
  }

  /** A moderator's act: mute, unmute, ban, unban, promote or demote, on a username. */
  public record Moderate(String action, String username) {}

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
      List<String> mentions) {
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
          m.mentions());
    }
  }

  public record MessageList(List<MessageJson> messages, boolean hasOlder) {}

  public record PostMessage(String body, String clientMsgId, Map<String, String> metadata) {}

  public record Problem(String error, String message) {}
}
