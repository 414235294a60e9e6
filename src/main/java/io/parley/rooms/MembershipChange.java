package io.parley.rooms;

import java.io.Serializable;
import java.util.List;

/** People who just became members of a room ({@code left} false), or one who lost it. */
public record MembershipChange(String roomId, List<String> userIds, boolean left)
    implements Serializable {

  public MembershipChange {
    userIds = List.copyOf(userIds);
  }
}
