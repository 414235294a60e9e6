package io.parley.rooms;

import java.time.Instant;

/**
 * A user's membership of a room. A muted member reads but cannot post, until {@code mutedUntil}
 * (null: until a moderator unmutes them); an expired mute simply stops counting, on every node.
 * {@code notifyLevel} is the member's own choice of what to hear about the room.
 */
public record Membership(
    String roomId,
    String userId,
    RoomRole role,
    Instant joinedAt,
    boolean muted,
    Instant mutedUntil,
    Notify notifyLevel) {

  public Membership {
    notifyLevel = notifyLevel == null ? Notify.DEFAULT : notifyLevel;
  }

  public Membership(String roomId, String userId, RoomRole role, Instant joinedAt) {
    this(roomId, userId, role, joinedAt, false, null, Notify.DEFAULT);
  }

  public Membership(String roomId, String userId, RoomRole role, Instant joinedAt, boolean muted) {
    this(roomId, userId, role, joinedAt, muted, null, Notify.DEFAULT);
  }

  /** Whether the mute holds at {@code now}. */
  public boolean mutedAt(Instant now) {
    return muted && (mutedUntil == null || now.isBefore(mutedUntil));
  }

  public Membership withRole(RoomRole newRole) {
    return new Membership(roomId, userId, newRole, joinedAt, muted, mutedUntil, notifyLevel);
  }

  public Membership withMuted(boolean mute) {
    return withMute(mute, null);
  }

  /** Muted until {@code until} (null: until unmuted), or not muted. */
  public Membership withMute(boolean mute, Instant until) {
    return new Membership(roomId, userId, role, joinedAt, mute, mute ? until : null, notifyLevel);
  }

  /** The same membership with what the member wants to hear about the room. */
  public Membership withNotify(Notify level) {
    return new Membership(roomId, userId, role, joinedAt, muted, mutedUntil, level);
  }
}
