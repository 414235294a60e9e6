package io.parley.rooms;

/** A member's standing in one room. */
public enum RoomRole {
  OWNER,
  MODERATOR,
  MEMBER;

  public boolean canModerate() {
    return this != MEMBER;
  }
}
