package io.parley.rooms;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.common.Text;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Rooms come and go: created, opened as direct conversations, renamed, archived, deleted. */
public final class RoomLifecycle {

  public static final int MAX_NAME = 80;
  public static final int MAX_TOPIC = 250;
  private static final int MAX_GROUP_DIRECT = 9;

  private final RoomDirectory rooms;
  private final Clock clock;
  private final MembershipListener listener;
  private final AuditLog audit;
  private final RoomAccess access;
  private final MemberLists memberLists;

  public RoomLifecycle(RoomContext context, RoomAccess access, MemberLists memberLists) {
    this.rooms = context.rooms();
    this.clock = context.clock();
    this.listener = context.listener();
    this.audit = context.audit();
    this.access = access;
    this.memberLists = memberLists;
  }

  /** Creates a public or private room owned by {@code userId}. */
  public Room create(String userId, String name, RoomType type) {
    access.refuseGuest(userId, "create rooms");
    if (type == null || type.isDirect()) {
      throw DomainException.invalid(
          "type must be PUBLIC or PRIVATE; use a direct conversation for DMs");
    }
    Room room =
        new Room(
            Ids.newId(),
            Text.requireName(name, "room name", MAX_NAME),
            type,
            userId,
            clock.instant(),
            null);
    if (type == RoomType.PUBLIC) {
      requireFreePublicName(room.name(), null);
    }
    rooms.create(room);
    rooms.addMember(new Membership(room.id(), userId, RoomRole.OWNER, clock.instant()));
    memberLists.membersChanged(room.id());
    listener.joined(room.id(), List.of(userId));
    audit.record(
        new AuditEntry(
            room.createdAt(),
            "room.created",
            userId,
            null,
            room.id(),
            null,
            java.util.Map.of("name", room.name(), "type", type.name().toLowerCase())));
    return room;
  }

  /** Opens (or finds) the direct conversation between the user and the others named. */
  public Room openDirect(String userId, List<String> otherUserIds) {
    access.refuseGuestStrangers(userId, otherUserIds);
    TreeSet<String> people = new TreeSet<>(otherUserIds);
    people.add(userId);
    if (people.size() < 2 || people.size() > MAX_GROUP_DIRECT + 1) {
      throw DomainException.invalid(
          "a direct conversation has 2 to " + (MAX_GROUP_DIRECT + 1) + " people");
    }
    String key = String.join(",", people);
    Optional<Room> existing = rooms.findByDirectKey(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    RoomType type = people.size() == 2 ? RoomType.DIRECT : RoomType.GROUP_DIRECT;
    Room room = new Room(Ids.newId(), null, type, userId, clock.instant(), key);
    rooms.create(room);
    Room stored = rooms.findByDirectKey(key).orElse(room); // another request may have won the race
    for (String person : people) {
      rooms.addMember(new Membership(stored.id(), person, RoomRole.MEMBER, clock.instant()));
      memberLists.membersChanged(stored.id());
    }
    listener.joined(stored.id(), people);
    return stored;
  }

  /**
   * Renames a named room: its owner, moderators and admins. Public rooms' names are unique (any
   * case) among active ones.
   */
  public Room rename(String actorId, String roomId, String newName) {
    Room room = access.requireSettingsChanger(actorId, roomId);
    String name = Text.requireName(newName, "room name", MAX_NAME);
    if (room.type() == RoomType.PUBLIC) {
      requireFreePublicName(name, roomId);
    }
    rooms.rename(roomId, name);
    audit.record(
        new AuditEntry(
            clock.instant(),
            "room.renamed",
            actorId,
            null,
            roomId,
            null,
            java.util.Map.of("from", String.valueOf(room.name()), "to", name)));
    listener.described(roomId);
    return access.find(roomId);
  }

  /** Sets (or, blank, removes) what the room is about, shown under its name. */
  public Room setTopic(String actorId, String roomId, String topic) {
    access.requireSettingsChanger(actorId, roomId);
    String t = topic == null || topic.isBlank() ? null : topic.strip();
    if (t != null && t.length() > MAX_TOPIC) {
      throw DomainException.invalid("a topic is at most " + MAX_TOPIC + " characters");
    }
    rooms.setTopic(roomId, t);
    audit.record(
        new AuditEntry(
            clock.instant(),
            "room.topic",
            actorId,
            null,
            roomId,
            null,
            java.util.Map.of("topic", t == null ? "" : t)));
    listener.described(roomId);
    return access.find(roomId);
  }

  private void requireFreePublicName(String name, String roomId) {
    boolean taken =
        rooms.publicRooms(name, 0, 50).stream()
            .anyMatch(r -> r.name().equalsIgnoreCase(name) && !r.id().equals(roomId));
    if (taken) {
      throw DomainException.conflict("a public room is already called #" + name);
    }
  }

  /**
   * Archives the room (read-only for everyone, gone from the room directory, its history kept and
   * readable) or brings it back. The room's owner and admins.
   */
  public Room archive(String actorId, String roomId, boolean archived) {
    Room room = access.requireOwnerOrAdmin(actorId, roomId);
    rooms.setState(roomId, archived ? RoomState.ARCHIVED : RoomState.ACTIVE);
    audited(archived ? "room.archived" : "room.unarchived", actorId, null, roomId);
    listener.standingChanged(roomId, List.of()); // every composer turns read-only, or back
    return access.find(room.id());
  }

  /**
   * Deletes the room for everyone at once: its members lose it from their open pages on every node
   * and it is not found from then on. {@code confirmName} must repeat the room's name. The room's
   * owner and admins. (Its stored messages stay until retention purges them.)
   */
  public void delete(String actorId, String roomId, String confirmName) {
    Room room = access.requireOwnerOrAdmin(actorId, roomId);
    if (confirmName == null || !confirmName.strip().equals(room.name())) {
      throw DomainException.invalid("type the room's name to confirm that it is to be deleted");
    }
    List<Membership> members = rooms.members(roomId);
    rooms.setState(roomId, RoomState.DELETED);
    for (Membership m : members) {
      rooms.removeMember(roomId, m.userId());
      listener.roomDeleted(roomId, m.userId());
    }
    memberLists.membersChanged(roomId);
    audit.record(
        new AuditEntry(
            clock.instant(),
            "room.deleted",
            actorId,
            null,
            roomId,
            null,
            java.util.Map.of("name", room.name(), "members", Integer.toString(members.size()))));
  }

  private void audited(String action, String actorId, String targetId, String roomId) {
    audit.record(new AuditEntry(clock.instant(), action, actorId, targetId, roomId, null, null));
  }
}
