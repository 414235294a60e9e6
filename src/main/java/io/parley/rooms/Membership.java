package io.parley.rooms;

import java.time.Instant;

/** A user's membership of a room; a muted member reads but cannot post. */
public record Membership(
    String roomId, String userId, RoomRole role, Instant joinedAt, boolean muted) {

  public Membership(String roomId, String userId, RoomRole role, Instant joinedAt) {
    this(roomId, userId, role, joinedAt, false);
  }

  public Membership withRole(RoomRole newRole) {
    return new Membership(roomId, userId, newRole, joinedAt, muted);
  }

  public Membership withMuted(boolean mute) {
    return new Membership(roomId, userId, role, joinedAt, mute);
  }
}
