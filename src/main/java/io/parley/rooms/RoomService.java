package io.parley.rooms;

import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.common.Text;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Creates and joins rooms and decides who may see and post in them. */
public class RoomService {

  public static final int MAX_NAME = 80;
  private static final int MAX_GROUP_DIRECT = 9;

  private final RoomDirectory rooms;
  private final Clock clock;
  private final MembershipListener listener;

  public RoomService(RoomDirectory rooms, Clock clock) {
    this(rooms, clock, MembershipListener.NONE);
  }

  public RoomService(RoomDirectory rooms, Clock clock, MembershipListener listener) {
    this.rooms = rooms;
    this.clock = clock;
    this.listener = listener;
  }

  /** Creates a public or private room owned by {@code userId}. */
  public Room create(String userId, String name, RoomType type) {
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
    rooms.create(room);
    rooms.addMember(new Membership(room.id(), userId, RoomRole.OWNER, clock.instant()));
    listener.joined(room.id(), List.of(userId));
    return room;
  }

  /** Opens (or finds) the direct conversation between the user and the others named. */
  public Room openDirect(String userId, List<String> otherUserIds) {
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
    }
    listener.joined(stored.id(), people);
    return stored;
  }

  /** Joins a public room; private and direct rooms cannot be joined by their id alone. */
  public Membership join(String userId, String roomId) {
    Room room = visible(userId, roomId);
    Optional<Membership> existing = rooms.membership(roomId, userId);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (room.type() != RoomType.PUBLIC) {
      throw DomainException.forbidden("only public rooms can be joined");
    }
    Membership joined =
        rooms.addMember(new Membership(roomId, userId, RoomRole.MEMBER, clock.instant()));
    listener.joined(roomId, List.of(userId));
    return joined;
  }

  /**
   * The room if the user may see it: public rooms to everyone, others to members only. A room the
   * user may not see is reported as missing so its existence does not leak.
   */
  public Room visible(String userId, String roomId) {
    Room room = find(roomId);
    if (room.type() != RoomType.PUBLIC && rooms.membership(roomId, userId).isEmpty()) {
      throw DomainException.notFound("no such room");
    }
    return room;
  }

  /** The user's membership, or a refusal: not found if the room is hidden, forbidden if public. */
  public Membership requireMember(String userId, String roomId) {
    Room room = find(roomId);
    return rooms
        .membership(roomId, userId)
        .orElseThrow(
            () ->
                room.type() == RoomType.PUBLIC
                    ? DomainException.forbidden("join the room before posting or reading it")
                    : DomainException.notFound("no such room"));
  }

  public boolean isMember(String userId, String roomId) {
    return rooms.membership(roomId, userId).isPresent();
  }

  /** The rooms the user belongs to, named rooms first by name, then direct conversations. */
  public List<Room> roomsOf(String userId) {
    List<String> ids = rooms.membershipsOf(userId).stream().map(Membership::roomId).toList();
    return rooms.findAll(ids).stream()
        .sorted(
            Comparator.comparing((Room r) -> r.type().isDirect())
                .thenComparing(r -> r.name() == null ? "" : r.name().toLowerCase()))
        .toList();
  }

  public List<Room> publicRooms() {
    return rooms.publicRooms(200);
  }

  public List<Membership> members(String roomId) {
    return rooms.members(roomId);
  }

  private Room find(String roomId) {
    if (!Ids.isWellFormed(roomId)) {
      throw DomainException.notFound("no such room");
    }
    return rooms.find(roomId).orElseThrow(() -> DomainException.notFound("no such room"));
  }
}
