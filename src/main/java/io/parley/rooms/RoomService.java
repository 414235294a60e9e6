package io.parley.rooms;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.common.Text;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
  private Cooldowns cooldowns;

  /** The longest slow mode: six hours between one person's messages. */
  public static final int MAX_SLOW_MODE_SECONDS = 6 * 3600;

  /** The longest reason a moderator may give. */
  public static final int MAX_REASON = 500;

  public RoomService(RoomDirectory rooms, Clock clock) {
    this(rooms, clock, MembershipListener.NONE);
  }

  public RoomService(RoomDirectory rooms, Clock clock, MembershipListener listener) {
    this.rooms = rooms;
    this.clock = clock;
    this.listener = listener;
    this.cooldowns = Cooldowns.inMemory(clock);
  }

  /** Where slow mode keeps each person's turn (cluster-wide in a cluster). */
  public void configureCooldowns(Cooldowns shared) {
    this.cooldowns = shared;
  }

  private Predicate<String> admin = id -> false;

  /** Who administers Parley (from the IdP's groups): they may delete any room. */
  public void configureAdmins(Predicate<String> isAdmin) {
    this.admin = isAdmin;
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
    audited(action, actorId, targetId, roomId, null);
  }

  private void audited(
      String action, String actorId, String targetId, String roomId, String detail) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            action,
            actorId,
            targetId,
            roomId,
            null,
            detail == null ? null : java.util.Map.of("until", detail)));
  }

  /** The person's ban from the room if it holds now; expired bans keep nobody out. */
  public Optional<Ban> banNow(String roomId, String userId) {
    return rooms.ban(roomId, userId).filter(b -> b.activeAt(clock.instant()));
  }

  private void refuseIfBanned(String roomId, String userId) {
    Optional<Ban> ban = banNow(roomId, userId);
    if (ban.isPresent()) {
      throw DomainException.forbidden("you are banned from this room" + until(ban.get().until()));
    }
  }

  /** " until 2026-11-29T14:05Z", or nothing for "until lifted". */
  private static String until(java.time.Instant end) {
    return end == null
        ? ""
        : " until " + end.truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + " (UTC)";
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
    if (type == RoomType.PUBLIC) {
      requireFreePublicName(room.name(), null);
    }
    rooms.create(room);
    rooms.addMember(new Membership(room.id(), userId, RoomRole.OWNER, clock.instant()));
    membersChanged(room.id());
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
    if (room.archived()) {
      throw DomainException.forbidden("this room is archived");
    }
    refuseIfBanned(roomId, userId);
    Membership joined =
        rooms.addMember(new Membership(roomId, userId, RoomRole.MEMBER, clock.instant()));
    membersChanged(roomId);
    listener.joined(roomId, List.of(userId));
    return joined;
  }

  public static final int MAX_TOPIC = 250;

  /**
   * Renames a named room: its owner, moderators and admins. Public rooms' names are unique (any
   * case) among active ones.
   */
  public Room rename(String actorId, String roomId, String newName) {
    Room room = requireSettingsChanger(actorId, roomId);
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
    return find(roomId);
  }

  /** Sets (or, blank, removes) what the room is about, shown under its name. */
  public Room setTopic(String actorId, String roomId, String topic) {
    requireSettingsChanger(actorId, roomId);
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
    return find(roomId);
  }

  private Room requireSettingsChanger(String actorId, String roomId) {
    Room room = find(roomId);
    if (room.type().isDirect()) {
      throw DomainException.invalid("a direct conversation has no name or topic");
    }
    if (!canModerate(actorId, roomId) && !admin.test(actorId)) {
      visible(actorId, roomId);
      throw DomainException.forbidden("only the room's owner and moderators change its settings");
    }
    return room;
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
   * Adds someone to a named room (the way into a private room): its owner and moderators (and
   * global moderators) only. The person's open pages get the room at once, on every node. Adding a
   * member again changes nothing; a banned person is refused until the ban is lifted.
   */
  public Membership addMember(String actorId, String roomId, String targetId) {
    Room room = find(roomId);
    if (room.type().isDirect()) {
      throw DomainException.invalid("a direct conversation's people are fixed: start a new one");
    }
    if (!canModerate(actorId, roomId)) {
      visible(actorId, roomId);
      throw DomainException.forbidden("only the room's owner and moderators add people");
    }
    if (room.state() != RoomState.ACTIVE) {
      throw DomainException.conflict("the room is archived");
    }
    if (banNow(roomId, targetId).isPresent()) {
      throw DomainException.conflict("that person is banned from this room: lift the ban first");
    }
    Optional<Membership> already = rooms.membership(roomId, targetId);
    if (already.isPresent()) {
      return already.get();
    }
    Membership added =
        rooms.addMember(new Membership(roomId, targetId, RoomRole.MEMBER, clock.instant()));
    membersChanged(roomId);
    listener.joined(roomId, List.of(targetId));
    audit.record(
        new AuditEntry(
            clock.instant(), "room.member-added", actorId, targetId, roomId, null, null));
    return added;
  }

  /** What the member wants to hear about the room: every message, mentions, or nothing. */
  public Membership setNotify(String userId, String roomId, Notify level) {
    Membership m = requireMember(userId, roomId).withNotify(level);
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
    Room room = find(roomId);
    member(room, userId);
    if (room.type() == RoomType.DIRECT) {
      throw DomainException.forbidden("a direct conversation cannot be left");
    }
    rooms.removeMember(roomId, userId);
    membersChanged(roomId);
    listener.departed(roomId, userId);
  }

  /**
   * The room if the user may see it: public rooms to everyone, others to members only. A room the
   * user may not see is reported as missing so its existence does not leak.
   */
  public Room visible(String userId, String roomId) {
    Room room = find(roomId);
    refuseIfBanned(roomId, userId);
    if (room.type() != RoomType.PUBLIC
        && rooms.membership(roomId, userId).isEmpty()
        // Global moderators and admins moderate private rooms too (not direct conversations).
        && !(room.type() == RoomType.PRIVATE && globalModerator.test(userId))) {
      throw DomainException.notFound("no such room");
    }
    return room;
  }

  /**
   * The room, if the user may remove messages in it: its moderators and global moderators (in a
   * direct conversation too, for reported messages). Others: forbidden if they can see the room,
   * not found if not.
   */
  public Room requireRemover(String userId, String roomId) {
    Room room = find(roomId);
    if (canModerate(userId, roomId)) {
      return room;
    }
    visible(userId, roomId);
    throw DomainException.forbidden("only the room's moderators remove messages");
  }

  /** Refuses a change to the history of an archived room (it is read-only). */
  public void refuseIfArchived(String roomId) {
    if (find(roomId).archived()) {
      throw DomainException.forbidden("this room is archived: its history is read-only");
    }
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
    String refusal = whyNotPost(room, m);
    if (refusal != null) {
      throw DomainException.moderated(refusal);
    }
    return m;
  }

  /** Why a member may not post in the room now, or null if they may. */
  private String whyNotPost(Room room, Membership m) {
    if (room.archived()) {
      return "this room is archived: its history is read-only";
    }
    if (m.mutedAt(clock.instant())) {
      return "you are muted in this room" + until(m.mutedUntil());
    }
    if (room.mode() == RoomMode.READ_ONLY && !moderates(m)) {
      return "only moderators post in this room";
    }
    return null;
  }

  /** The person's standing in the room now, for their composer (one membership read). */
  public Standing standing(String userId, String roomId) {
    Room room = find(roomId);
    Optional<Membership> m = rooms.membership(roomId, userId);
    boolean muted = m.map(x -> x.mutedAt(clock.instant())).orElse(false);
    return new Standing(
        m.isPresent(),
        m.map(x -> whyNotPost(room, x) == null).orElse(false),
        muted,
        muted ? m.get().mutedUntil() : null,
        room.mode() == RoomMode.READ_ONLY,
        room.slowModeSeconds(),
        m.map(this::moderates).orElse(globalModerator.test(userId)),
        room.archived());
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

  /**
   * Waits out slow mode: a person who is not a moderator posts at most once per the room's slow
   * mode interval, on every node alike. {@code clientMsgId} lets a retried send through.
   */
  public void requireSlowModeTurn(String userId, String roomId, String clientMsgId) {
    Room room = find(roomId);
    if (room.slowModeSeconds() <= 0 || canModerate(userId, roomId)) {
      return;
    }
    java.time.Duration left =
        cooldowns.start(
            roomId + ":" + userId,
            clientMsgId == null ? Ids.newId() : clientMsgId,
            java.time.Duration.ofSeconds(room.slowModeSeconds()));
    if (!left.isZero()) {
      throw DomainException.rateLimited(
          "Slow mode: one message every " + room.slowModeSeconds() + " s. You are posting",
          Math.max(1, (left.toMillis() + 999) / 1000));
    }
  }

  /** Turns slow mode on ({@code seconds} between one person's messages) or off (0). */
  public Room setSlowMode(String actorId, String roomId, int seconds) {
    Room room = requireModerator(actorId, roomId);
    if (room.type().isDirect()) {
      throw DomainException.invalid("direct conversations have no slow mode");
    }
    if (seconds < 0 || seconds > MAX_SLOW_MODE_SECONDS) {
      throw DomainException.invalid(
          "slow mode is 0 (off) to " + MAX_SLOW_MODE_SECONDS + " seconds");
    }
    rooms.setSlowMode(roomId, seconds);
    audit.record(
        new AuditEntry(
            clock.instant(),
            "room.slow-mode",
            actorId,
            null,
            roomId,
            null,
            java.util.Map.of("seconds", Integer.toString(seconds))));
    listener.standingChanged(roomId, List.of());
    return find(roomId);
  }

  /** A moderator's act on a person in the room; everyone else is refused. */
  public void moderate(String actorId, String roomId, String targetId, Moderation action) {
    moderate(actorId, roomId, targetId, action, null, null);
  }

  /**
   * A moderator's act; a mute or ban lasts {@code length} (null: until lifted) and then simply
   * stops holding, on every node, with no job and no restart.
   */
  public void moderate(
      String actorId,
      String roomId,
      String targetId,
      Moderation action,
      java.time.Duration length,
      String reason) {
    // Everything is checked before anything changes, and the record is written before the act:
    // an act the audit log cannot hold does not happen.
    String why = Text.optional(reason, "reason", MAX_REASON);
    requireModerationLength(length);
    java.time.Instant end = length == null ? null : clock.instant().plus(length);
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
    if (action != Moderation.BAN && action != Moderation.UNBAN && target.isEmpty()) {
      throw DomainException.notFound("that person is not a member");
    }
    boolean timed = action == Moderation.MUTE || action == Moderation.BAN;
    audit.record(
        new AuditEntry(
            clock.instant(),
            "room." + action.name().toLowerCase(java.util.Locale.ROOT),
            actorId,
            targetId,
            roomId,
            why,
            timed
                ? java.util.Map.of("until", end == null ? "lifted by a moderator" : end.toString())
                : null));
    switch (action) {
      case BAN -> {
        rooms.removeMember(roomId, targetId);
        membersChanged(roomId);
        rooms.setBan(roomId, targetId, new Ban(end));
        listener.removed(roomId, targetId);
      }
      case KICK -> {
        rooms.removeMember(roomId, targetId);
        membersChanged(roomId);
        listener.removed(roomId, targetId); // their open pages leave the room on every node
      }
      case UNBAN -> rooms.setBan(roomId, targetId, null);
      case MUTE, UNMUTE, PROMOTE, DEMOTE -> {
        Membership m = target.orElseThrow();
        rooms.updateMember(
            switch (action) {
              case MUTE -> m.withMute(true, end);
              case UNMUTE -> m.withMuted(false);
              case PROMOTE -> m.withRole(RoomRole.MODERATOR);
              default -> m.withRole(RoomRole.MEMBER);
            });
        membersChanged(roomId);
        if (action == Moderation.MUTE || action == Moderation.UNMUTE) {
          listener.standingChanged(roomId, List.of(targetId)); // their composer, live
        }
      }
    }
  }

  /** The longest a mute or ban may be set for; longer is "until lifted". */
  public static final java.time.Duration MAX_MODERATION_LENGTH = java.time.Duration.ofDays(3650);

  /** Refuses a mute or ban length that is not positive or longer than ten years. */
  public static void requireModerationLength(java.time.Duration length) {
    if (length != null && (length.isNegative() || length.isZero())) {
      throw DomainException.invalid("a mute or ban lasts a positive time, or until lifted");
    }
    if (length != null && length.compareTo(MAX_MODERATION_LENGTH) > 0) {
      throw DomainException.invalid(
          "a mute or ban lasts at most 3650 days; leave the length out for until lifted");
    }
  }

  /** A length typed in a form as whole minutes (blank: until lifted). */
  public static java.time.Duration moderationMinutes(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return moderationLength(null, Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      throw DomainException.invalid("minutes must be a whole number");
    }
  }

  /**
   * A length from the seconds or minutes a client sent (null: until lifted), refused with a clear
   * message when it is out of range rather than overflowing.
   */
  public static java.time.Duration moderationLength(Long seconds, Long minutes) {
    long max = MAX_MODERATION_LENGTH.toSeconds();
    if (seconds != null) {
      if (seconds <= 0 || seconds > max) {
        throw DomainException.invalid("seconds must be 1.." + max);
      }
      return java.time.Duration.ofSeconds(seconds);
    }
    if (minutes != null) {
      if (minutes <= 0 || minutes > max / 60) {
        throw DomainException.invalid("minutes must be 1.." + max / 60);
      }
      return java.time.Duration.ofMinutes(minutes);
    }
    return null;
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

  /** Whether the user moderates any room: a global moderator, or an owner or moderator of one. */
  public boolean moderatesAny(String userId) {
    return globalModerator.test(userId)
        || rooms.membershipsOf(userId).stream().anyMatch(m -> m.role().canModerate());
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
        .filter(r -> r.state() != RoomState.DELETED)
        .sorted(
            Comparator.comparing((Room r) -> r.type().isDirect())
                .thenComparing(r -> r.name() == null ? "" : r.name().toLowerCase()))
        .toList();
  }

  /** Named rooms by name prefix, for the admin console (admins only: callers check). */
  public List<Room> search(String prefix, int limit) {
    return rooms.search(prefix == null ? "" : prefix.strip(), Math.max(1, Math.min(limit, 200)));
  }

  /** The room's members as stored now (not this node's copy), for the admin console. */
  public int memberCount(String roomId) {
    return rooms.members(roomId).size();
  }

  /** A page of the room directory: active public rooms by name prefix, and whether more follow. */
  public record DirectoryPage(List<Room> rooms, boolean hasMore) {}

  public DirectoryPage directory(String prefix, int page, int size) {
    int p = Math.max(1, Math.min(page, 1_000));
    List<Room> found =
        rooms.publicRooms(prefix == null ? "" : prefix.strip(), (p - 1) * size, size + 1);
    return new DirectoryPage(found.subList(0, Math.min(size, found.size())), found.size() > size);
  }

  /** Every room's id, deleted ones too (for the search index and retention, which visit all). */
  public List<String> allRoomIds() {
    return rooms.roomIds();
  }

  public List<Room> publicRooms() {
    return rooms.publicRooms(200).stream().filter(r -> r.state() == RoomState.ACTIVE).toList();
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
    return rooms
        .find(roomId)
        .filter(r -> r.state() != RoomState.DELETED)
        .orElseThrow(() -> DomainException.notFound("no such room"));
  }

  /**
   * Archives the room (read-only for everyone, gone from the room directory, its history kept and
   * readable) or brings it back. The room's owner and admins.
   */
  public Room archive(String actorId, String roomId, boolean archived) {
    Room room = requireOwnerOrAdmin(actorId, roomId);
    rooms.setState(roomId, archived ? RoomState.ARCHIVED : RoomState.ACTIVE);
    audited(archived ? "room.archived" : "room.unarchived", actorId, null, roomId);
    listener.standingChanged(roomId, List.of()); // every composer turns read-only, or back
    return find(room.id());
  }

  /**
   * Deletes the room for everyone at once: its members lose it from their open pages on every node
   * and it is not found from then on. {@code confirmName} must repeat the room's name. The room's
   * owner and admins. (Its stored messages stay until retention purges them.)
   */
  public void delete(String actorId, String roomId, String confirmName) {
    Room room = requireOwnerOrAdmin(actorId, roomId);
    if (confirmName == null || !confirmName.strip().equals(room.name())) {
      throw DomainException.invalid("type the room's name to confirm that it is to be deleted");
    }
    List<Membership> members = rooms.members(roomId);
    rooms.setState(roomId, RoomState.DELETED);
    for (Membership m : members) {
      rooms.removeMember(roomId, m.userId());
      listener.roomDeleted(roomId, m.userId());
    }
    membersChanged(roomId);
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

  private Room requireOwnerOrAdmin(String actorId, String roomId) {
    Room room = visible(actorId, roomId);
    if (room.type().isDirect()) {
      throw DomainException.invalid("direct conversations cannot be archived or deleted");
    }
    if (!actorId.equals(room.createdBy()) && !admin.test(actorId)) {
      throw DomainException.forbidden("only the room's owner or an administrator can do that");
    }
    return room;
  }
}
