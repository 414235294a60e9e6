package io.parley.rooms;

import java.time.Instant;

/**
 * A user's membership of a room. A muted member reads but cannot post, until {@code mutedUntil}
 * (null: until a moderator unmutes them); an expired mute simply stops counting, on every node.
 */
public record Membership(
    String roomId,
    String userId,
    RoomRole role,
    Instant joinedAt,
    boolean muted,
    Instant mutedUntil) {

  public Membership(String roomId, String userId, RoomRole role, Instant joinedAt) {
    this(roomId, userId, role, joinedAt, false, null);
  }

  public Membership(String roomId, String userId, RoomRole role, Instant joinedAt, boolean muted) {
    this(roomId, userId, role, joinedAt, muted, null);
  }

  /** Whether the mute holds at {@code now}. */
  public boolean mutedAt(Instant now) {
    return muted && (mutedUntil == null || now.isBefore(mutedUntil));
  }

  public Membership withRole(RoomRole newRole) {
    return new Membership(roomId, userId, newRole, joinedAt, muted, mutedUntil);
  }

  public Membership withMuted(boolean mute) {
    return withMute(mute, null);
  }

  /** Muted until {@code until} (null: until unmuted), or not muted. */
  public Membership withMute(boolean mute, Instant until) {
    return new Membership(roomId, userId, role, joinedAt, mute, mute ? until : null);
  }
}
