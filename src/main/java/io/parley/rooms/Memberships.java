package io.parley.rooms;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** People join, are added to and leave rooms, and choose what they hear about each. */
public final class Memberships {

  private final RoomDirectory rooms;
  private final Clock clock;
  private final MembershipListener listener;
  private final AuditLog audit;
  private final RoomAccess access;
  private final MemberLists memberLists;
  private final RoomLifecycle lifecycle;

  public Memberships(
      RoomContext context, RoomAccess access, MemberLists memberLists, RoomLifecycle lifecycle) {
    this.rooms = context.rooms();
    this.clock = context.clock();
    this.listener = context.listener();
    this.audit = context.audit();
    this.access = access;
    this.memberLists = memberLists;
    this.lifecycle = lifecycle;
  }

  /**
   * Adds someone where the actor is: to a room (as {@link #addMember}), or, since a conversation's
   * people are fixed, by opening the conversation of everyone in it plus them. Returns the room
   * they are now in with the actor.
   */
  public Room addPerson(String actorId, String roomId, String addedId) {
    Room room = access.visible(actorId, roomId);
    if (!room.type().isDirect()) {
      addMember(actorId, roomId, addedId);
      return room;
    }
    access.requireMember(actorId, roomId);
    List<String> people = new java.util.ArrayList<>();
    memberLists.members(roomId).forEach(m -> people.add(m.userId()));
    people.add(addedId);
    people.remove(actorId);
    return lifecycle.openDirect(actorId, people);
  }

  /** Joins a public room; private and direct rooms cannot be joined by their id alone. */
  public Membership join(String userId, String roomId) {
    Room room = access.visible(userId, roomId);
    if (rooms.membership(roomId, userId).isEmpty()) {
      access.refuseGuest(userId, "join rooms; someone adds them");
    }
    Optional<Membership> existing = rooms.membership(roomId, userId);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (room.type() != RoomType.PUBLIC) {
      throw DomainException.forbidden("only public rooms can be joined");
    }
    if (room.archived()) {
      throw DomainException.forbidden("this room is archived");
    }
    access.refuseIfBanned(roomId, userId);
    Membership joined =
        rooms.addMember(new Membership(roomId, userId, RoomRole.MEMBER, clock.instant()));
    memberLists.membersChanged(roomId);
    listener.joined(roomId, List.of(userId));
    return joined;
  }

  /**
   * Adds someone to a named room (the way into a private room): its owner and moderators (and
   * global moderators) only. The person's open pages get the room at once, on every node. Adding a
   * member again changes nothing; a banned person is refused until the ban is lifted.
   */
  public Membership addMember(String actorId, String roomId, String targetId) {
    Room room = access.find(roomId);
    if (room.type().isDirect()) {
      throw DomainException.invalid("a direct conversation's people are fixed: start a new one");
    }
    if (!access.canModerate(actorId, roomId)) {
      access.visible(actorId, roomId);
      throw DomainException.forbidden("only the room's owner and moderators add people");
    }
    if (room.state() != RoomState.ACTIVE) {
      throw DomainException.conflict("the room is archived");
    }
    if (access.banNow(roomId, targetId).isPresent()) {
      throw DomainException.conflict("that person is banned from this room: lift the ban first");
    }
    Optional<Membership> already = rooms.membership(roomId, targetId);
    if (already.isPresent()) {
      return already.get();
    }
    Membership added =
        rooms.addMember(new Membership(roomId, targetId, RoomRole.MEMBER, clock.instant()));
    memberLists.membersChanged(roomId);
    listener.joined(roomId, List.of(targetId));
    audit.record(
        new AuditEntry(
            clock.instant(), "room.member-added", actorId, targetId, roomId, null, null));
    return added;
  }

  /** What the member wants to hear about the room: every message, mentions, or nothing. */
  public Membership setNotify(String userId, String roomId, Notify level) {
    Membership m = access.requireMember(userId, roomId).withNotify(level);
    rooms.updateMember(m);
    return m;
  }

  /** The person's choice for each of their rooms (rooms without one: {@link Notify#DEFAULT}). */
  public Map<String, Notify> notifyLevels(String userId) {
    Map<String, Notify> levels = new java.util.HashMap<>();
    rooms.membershipsOf(userId).forEach(m -> levels.put(m.roomId(), m.notifyLevel()));
    return levels;
  }

  /**
   * Joins a newcomer to the rooms everyone starts in (active public rooms by name, any case); names
   * with no such room are skipped.
   */
  public void joinDefaults(String userId, List<String> names) {
    if (access.isGuest(userId)) {
      return;
    }
    for (String name : names) {
      rooms.publicRooms(name, 0, 50).stream()
          .filter(r -> r.name().equalsIgnoreCase(name))
          .findFirst()
          .ifPresent(r -> join(userId, r.id()));
    }
  }

  /**
   * The person leaves the room: it leaves their open pages on every node, and its messages leave
   * their search. A one-to-one conversation cannot be left (there would be nobody to talk to).
   */
  public void leave(String userId, String roomId) {
    Room room = access.find(roomId);
    access.member(room, userId);
    if (room.type() == RoomType.DIRECT) {
      throw DomainException.forbidden("a direct conversation cannot be left");
    }
    rooms.removeMember(roomId, userId);
    memberLists.membersChanged(roomId);
    listener.departed(roomId, userId);
  }
}
