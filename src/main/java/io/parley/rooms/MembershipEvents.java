package io.parley.rooms;

import io.parley.common.Broadcast;
import java.util.Collection;
import java.util.List;

/**
 * Membership changes told to every node, so the people concerned see the room appear on their open
 * pages, or vanish from them, at once. A lost event only means the change shows on the next load.
 */
public interface MembershipEvents extends Broadcast<MembershipChange>, MembershipListener {

  @Override
  default void joined(String roomId, Collection<String> userIds) {
    publish(new MembershipChange(roomId, List.copyOf(userIds), MembershipChange.Kind.JOINED));
  }

  @Override
  default void removed(String roomId, String userId) {
    publish(new MembershipChange(roomId, List.of(userId), MembershipChange.Kind.LEFT));
  }

  @Override
  default void departed(String roomId, String userId) {
    publish(new MembershipChange(roomId, List.of(userId), MembershipChange.Kind.DEPARTED));
  }

  @Override
  default void roomDeleted(String roomId, String userId) {
    publish(new MembershipChange(roomId, List.of(userId), MembershipChange.Kind.ROOM_DELETED));
  }

  @Override
  default void standingChanged(String roomId, Collection<String> userIds) {
    publish(new MembershipChange(roomId, List.copyOf(userIds), MembershipChange.Kind.STANDING));
  }

  @Override
  default void described(String roomId) {
    publish(new MembershipChange(roomId, List.of(), MembershipChange.Kind.DESCRIBED));
  }
}
