package io.parley.rooms;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.common.Text;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Creates and joins rooms and decides who may see and post in them. */
public class RoomService {

  public static final int MAX_NAME = 80;
  private static final int MAX_GROUP_DIRECT = 9;

  private final RoomDirectory rooms;
  private final Clock clock;
  private final MembershipListener listener;
  private Predicate<String> globalModerator = id -> false;
  private AuditLog audit = AuditLog.NONE;

  public RoomService(RoomDirectory rooms, Clock clock) {
    this(rooms, clock, MembershipListener.NONE);
  }

  public RoomService(RoomDirectory rooms, Clock clock, MembershipListener listener) {
    this.rooms = rooms;
    this.clock = clock;
    this.listener = listener;
  }

  /** Who moderates every room (global moderators and admins, from the IdP's groups). */
  public void configureGlobalModerators(Predicate<String> isGlobalModerator) {
    this.globalModerator = isGlobalModerator;
  }

  /** Where moderators' acts are recorded. */
  public void auditWith(AuditLog log) {
    this.audit = log;
  }

  private void audited(String action, String actorId, String targetId, String roomId) {
    audit.record(new AuditEntry(clock.instant(), action, actorId, targetId, roomId, null, null));
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
    membersChanged(room.id());
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
      membersChanged(stored.id());
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
    if (rooms.isBanned(roomId, userId)) {
      throw DomainException.forbidden("you are banned from this room");
    }
    Membership joined =
        rooms.addMember(new Membership(roomId, userId, RoomRole.MEMBER, clock.instant()));
    membersChanged(roomId);
    listener.joined(roomId, List.of(userId));
    return joined;
  }

  /**
   * The room if the user may see it: public rooms to everyone, others to members only. A room the
   * user may not see is reported as missing so its existence does not leak.
   */
  public Room visible(String userId, String roomId) {
    Room room = find(roomId);
    if (rooms.isBanned(roomId, userId)) {
      throw DomainException.forbidden("you are banned from this room");
    }
    if (room.type() != RoomType.PUBLIC && rooms.membership(roomId, userId).isEmpty()) {
      throw DomainException.notFound("no such room");
    }
    return room;
  }

  /** The user's membership, or a refusal: not found if the room is hidden, forbidden if public. */
  public Membership requireMember(String userId, String roomId) {
    return member(find(roomId), userId);
  }

  private Membership member(Room room, String userId) {
    return rooms
        .membership(room.id(), userId)
        .orElseThrow(
            () ->
                room.type() == RoomType.PUBLIC
                    ? DomainException.forbidden("join the room before posting in it")
                    : DomainException.notFound("no such room"));
  }

  /**
   * The membership of someone who may post now: a member, not muted, and in a read-only room one of
   * its moderators.
   */
  public Membership requirePoster(String userId, String roomId) {
    Room room = find(roomId);
    Membership m = member(room, userId);
    if (m.muted()) {
      throw DomainException.forbidden("you are muted in this room");
    }
    if (room.mode() == RoomMode.READ_ONLY && !moderates(m)) {
      throw DomainException.forbidden("only moderators post in this room");
    }
    return m;
  }

  /** Whether the user may post in the room now. */
  public boolean canPost(String userId, String roomId) {
    try {
      requirePoster(userId, roomId);
      return true;
    } catch (DomainException e) {
      return false;
    }
  }

  /** Someone who may react to messages: whoever may post. */
  public Membership requireReactor(String userId, String roomId) {
    return requirePoster(userId, roomId);
  }

  /** Someone who may pin: whoever may post, or only moderators if the room says so. */
  public Membership requirePinner(String userId, String roomId) {
    Room room = find(roomId);
    Membership m = requirePoster(userId, roomId);
    if (room.moderatorsPin() && !moderates(m)) {
      throw DomainException.forbidden("only moderators pin messages in this room");
    }
    return m;
  }

  /** Lets every member pin messages, or only moderators. */
  public Room setModeratorsPin(String actorId, String roomId, boolean moderatorsOnly) {
    requireModerator(actorId, roomId);
    rooms.setModeratorsPin(roomId, moderatorsOnly);
    audited(moderatorsOnly ? "room.pins.moderators" : "room.pins.members", actorId, null, roomId);
    return find(roomId);
  }

  /** A moderator's act on a person in the room; everyone else is refused. */
  public void moderate(String actorId, String roomId, String targetId, Moderation action) {
    Room room = requireModerator(actorId, roomId);
    if (room.type().isDirect()) {
      throw DomainException.invalid("direct conversations have no moderators");
    }
    if (targetId.equals(actorId)) {
      throw DomainException.invalid("you cannot moderate yourself");
    }
    if (targetId.equals(room.createdBy())) {
      throw DomainException.forbidden("the room's owner cannot be moderated");
    }
    Optional<Membership> target = rooms.membership(roomId, targetId);
    boolean ownerAct = action == Moderation.PROMOTE || action == Moderation.DEMOTE;
    if (ownerAct && !actorId.equals(room.createdBy()) && !globalModerator.test(actorId)) {
      throw DomainException.forbidden("only the room's owner appoints moderators");
    }
    switch (action) {
      case BAN -> {
        rooms.removeMember(roomId, targetId);
        membersChanged(roomId);
        rooms.setBanned(roomId, targetId, true);
        listener.removed(roomId, targetId);
      }
      case KICK -> {
        target.orElseThrow(() -> DomainException.notFound("that person is not a member"));
        rooms.removeMember(roomId, targetId);
        membersChanged(roomId);
        listener.removed(roomId, targetId); // their open pages leave the room on every node
      }
      case UNBAN -> rooms.setBanned(roomId, targetId, false);
      case MUTE, UNMUTE, PROMOTE, DEMOTE -> {
        Membership m =
            target.orElseThrow(() -> DomainException.notFound("that person is not a member"));
        rooms.updateMember(
            switch (action) {
              case MUTE -> m.withMuted(true);
              case UNMUTE -> m.withMuted(false);
              case PROMOTE -> m.withRole(RoomRole.MODERATOR);
              default -> m.withRole(RoomRole.MEMBER);
            });
        membersChanged(roomId);
      }
    }
    audited("room." + action.name().toLowerCase(java.util.Locale.ROOT), actorId, targetId, roomId);
  }

  /** Opens the room to every member, or makes it read-only (only moderators post). */
  public Room setMode(String actorId, String roomId, RoomMode mode) {
    Room room = requireModerator(actorId, roomId);
    if (room.type().isDirect()) {
      throw DomainException.invalid("direct conversations have no modes");
    }
    rooms.setMode(roomId, mode);
    audited("room.mode." + mode.name().toLowerCase(java.util.Locale.ROOT), actorId, null, roomId);
    return find(roomId);
  }

  /** Whether the user may moderate the room (its owner, its moderators, global moderators). */
  public boolean canModerate(String userId, String roomId) {
    return globalModerator.test(userId)
        || rooms.membership(roomId, userId).map(this::moderates).orElse(false);
  }

  private boolean moderates(Membership m) {
    return m.role().canModerate() || globalModerator.test(m.userId());
  }

  private Room requireModerator(String actorId, String roomId) {
    Room room = visible(actorId, roomId);
    if (!canModerate(actorId, roomId)) {
      throw DomainException.forbidden("only the room's moderators can do that");
    }
    return room;
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

  /** How long a copy of a member list serves when no change was heard. */
  public static final java.time.Duration MEMBER_LIST_TTL = java.time.Duration.ofSeconds(10);

  private record MemberList(List<Membership> members, java.time.Instant at) {}

  private final java.util.Map<String, MemberList> memberLists =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Room find(String roomId) {
    if (!Ids.isWellFormed(roomId)) {
      throw DomainException.notFound("no such room");
    }
    return rooms.find(roomId).orElseThrow(() -> DomainException.notFound("no such room"));
  }
}
