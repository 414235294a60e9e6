package io.parley.rooms;

/** How a room is found and joined. */
public enum RoomType {
  /** Listed for everyone; anyone may join. */
  PUBLIC,
  /** Invisible to non-members; members are added by the owner or a moderator. */
  PRIVATE,
  /** Between exactly two users. */
  DIRECT,
  /** A small conversation between three or more users, without a name. */
  GROUP_DIRECT;

  public boolean isDirect() {
    return this == DIRECT || this == GROUP_DIRECT;
  }
}
