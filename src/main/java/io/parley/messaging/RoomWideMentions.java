package io.parley.messaging;

import java.util.Locale;

/**
 * Who may write {@code @room} (every member is mentioned) and {@code @here} (every member online at
 * that moment): nobody, the room's moderators (its owner, its moderators and global moderators), or
 * everyone who may post. From anyone else the words stay plain text.
 */
public enum RoomWideMentions {
  NOBODY,
  MODERATORS,
  EVERYONE;

  /** The setting's value (nobody, moderators, everyone), any case. */
  public static RoomWideMentions parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "@room and @here may be used by nobody, moderators or everyone, not '" + value + "'", e);
    }
  }
}
