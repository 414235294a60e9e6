package io.parley.rooms;

/**
 * What a member wants to hear about a room while its page is in the background: the default
 * (mentions in a named room, everything in a direct conversation), every message, mentions only, or
 * nothing (muted: no notification, and the room's unread count leaves the title).
 */
public enum Notify {
  DEFAULT,
  ALL,
  MENTIONS,
  NOTHING;

  public static Notify of(String value) {
    for (Notify n : values()) {
      if (n.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return n;
      }
    }
    throw io.parley.common.DomainException.invalid("notify is all, mentions or nothing");
  }
}
