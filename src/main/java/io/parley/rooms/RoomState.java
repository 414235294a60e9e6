package io.parley.rooms;

/** Where a room is in its life. */
public enum RoomState {
  ACTIVE,
  /** read-only for everyone, hidden from the room directory; its history stays readable */
  ARCHIVED,
  /** gone for everyone at once (not found); its stored messages wait for retention to purge them */
  DELETED
}
