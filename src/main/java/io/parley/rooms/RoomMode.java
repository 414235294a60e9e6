package io.parley.rooms;

/** Who may post in a room. */
public enum RoomMode {
  /** every member not muted */
  OPEN,
  /** only the owner and moderators (announcements) */
  READ_ONLY
}
