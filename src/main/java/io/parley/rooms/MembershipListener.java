package io.parley.rooms;

import java.util.Collection;

/** Told when people become members of a room, so their open pages can add it to their lists. */
@FunctionalInterface
public interface MembershipListener {

  MembershipListener NONE = (roomId, userIds) -> {};

  void joined(String roomId, Collection<String> userIds);

  /** Someone lost a room (banned): their open pages must stop showing it at once. */
  default void removed(String roomId, String userId) {}

  /** Someone left the room themselves: their open pages drop it without blaming a moderator. */
  default void departed(String roomId, String userId) {
    removed(roomId, userId);
  }

  /** The room was deleted: its members' open pages drop it and say so. */
  default void roomDeleted(String roomId, String userId) {
    removed(roomId, userId);
  }

  /**
   * What some people may do in the room changed (a mute, or the room's slow mode when {@code
   * userIds} is empty: everyone): their open pages redraw the composer.
   */
  default void standingChanged(String roomId, Collection<String> userIds) {}

  /** The room's name or topic changed: open pages redraw its header and sidebar entry. */
  default void described(String roomId) {}
}
