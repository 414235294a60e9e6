package io.parley.rooms;

import java.time.Clock;
import java.util.List;

/** Each room's member list, copied on this node for a few seconds (see {@link #members}). */
public final class MemberLists {

  private final RoomDirectory rooms;
  private final Clock clock;

  /** How long a copy of a member list serves when no change was heard. */
  public static final java.time.Duration MEMBER_LIST_TTL = java.time.Duration.ofSeconds(10);

  private record MemberList(List<Membership> members, java.time.Instant at) {}

  private final java.util.Map<String, MemberList> memberLists =
      new java.util.concurrent.ConcurrentHashMap<>();

  public MemberLists(RoomContext context) {
    this.rooms = context.rooms();
    this.clock = context.clock();
  }

  /**
   * The room's members, for showing and counting them (member lists, "Seen by", mentions): from
   * this node's copy when it is younger than {@link #MEMBER_LIST_TTL}. A change made here shows at
   * once, one announced by another node as soon as {@link #membersChanged} hears of it; decisions
   * about what a person may do read their own membership from the store, never this copy.
   */
  public List<Membership> members(String roomId) {
    MemberList known = memberLists.get(roomId);
    if (known != null && known.at().isAfter(clock.instant().minus(MEMBER_LIST_TTL))) {
      return known.members();
    }
    List<Membership> members = List.copyOf(rooms.members(roomId));
    memberLists.put(roomId, new MemberList(members, clock.instant()));
    return members;
  }

  /** The room's member list changed, on this node or another: the next read goes to the store. */
  public void membersChanged(String roomId) {
    memberLists.remove(roomId);
  }
}
