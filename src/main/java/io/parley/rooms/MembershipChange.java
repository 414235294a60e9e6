package io.parley.rooms;

import java.io.Serializable;
import java.util.List;

/**
 * People who just became members of a room, one who lost it, or people whose standing in it changed
 * (a mute; everyone, with no ids, when the room's slow mode changed), or the room's name or topic.
 */
public record MembershipChange(String roomId, List<String> userIds, Kind kind)
    implements Serializable {

  public enum Kind {
    JOINED,
    /** Removed by a moderator (kicked or banned). */
    LEFT,
    /** Left of their own accord. */
    DEPARTED,
    /** The room was deleted. */
    ROOM_DELETED,
    STANDING,
    /** The room's name or topic changed (no one in particular). */
    DESCRIBED
  }

  public MembershipChange {
    userIds = List.copyOf(userIds);
  }

  public boolean left() {
    return kind == Kind.LEFT || kind == Kind.DEPARTED || kind == Kind.ROOM_DELETED;
  }
}
