package io.parley.rooms;

import java.time.Instant;

/**
 * A place where messages are posted in one order. {@code directKey} is the sorted member list of a
 * direct room, so the same people always land in the same room; null for named rooms. {@code
 * moderatorsPin}: only moderators pin messages (otherwise every member who may post does). {@code
 * slowModeSeconds}: the least time between one person's messages (moderators excepted); 0 is off.
 * {@code topic}: what the room is about, shown under its name (null: none).
 */
public record Room(
    String id,
    String name,
    RoomType type,
    String createdBy,
    Instant createdAt,
    String directKey,
    RoomMode mode,
    boolean moderatorsPin,
    int slowModeSeconds,
    RoomState state,
    String topic) {

  public Room {
    mode = mode == null ? RoomMode.OPEN : mode;
    state = state == null ? RoomState.ACTIVE : state;
  }

  public boolean archived() {
    return state == RoomState.ARCHIVED;
  }

  public Room(
      String id,
      String name,
      RoomType type,
      String createdBy,
      Instant createdAt,
      String directKey) {
    this(
        id,
        name,
        type,
        createdBy,
        createdAt,
        directKey,
        RoomMode.OPEN,
        false,
        0,
        RoomState.ACTIVE,
        null);
  }
}
