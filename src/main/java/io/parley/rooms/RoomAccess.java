package io.parley.rooms;

import io.parley.common.DomainException;
import io.parley.common.Ids;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may see, join, post, react, pin, remove and moderate in a room, decided from the room and the
 * person's own membership as stored now (never a cached member list). Every other room capability
 * asks here first.
 */
public final class RoomAccess {

  private final RoomDirectory rooms;
  private final Clock clock;
  private final Predicate<String> globalModerator;
  private final Predicate<String> admin;
  private final Predicate<String> guest;

  public RoomAccess(RoomContext context) {
    this.rooms = context.rooms();
    this.clock = context.clock();
    this.globalModerator = context.globalModerator();
    this.admin = context.admin();
    this.guest = context.guest();
  }

  /** Whether the person is a guest: they see only the rooms they are in, and join none. */
  public boolean isGuest(String userId) {
    return guest.test(userId);
  }

  /** Refuses a guest what only members of the organisation do (create rooms, join, browse). */
  public void refuseGuest(String userId, String what) {
    if (guest.test(userId)) {
      throw DomainException.forbidden("guests cannot " + what);
    }
  }

  /** Whether a guest may see this person: someone in one of their rooms (others: anyone). */
  public boolean mayMeet(String userId, String otherId) {
    if (!guest.test(userId) || userId.equals(otherId)) {
      return true;
    }
    java.util.Set<String> mine = new java.util.HashSet<>();
    rooms.membershipsOf(userId).forEach(m -> mine.add(m.roomId()));
    return rooms.membershipsOf(otherId).stream().anyMatch(m -> mine.contains(m.roomId()));
  }

  /**
   * Refuses a guest a conversation with someone they share no room with (a guest talks only to the
   * people of the rooms they were added to).
   */
  public void refuseGuestStrangers(String userId, java.util.Collection<String> others) {
    if (!guest.test(userId)) {
      return;
    }
    for (String other : others) {
      if (!mayMeet(userId, other)) {
        throw DomainException.forbidden("guests talk only with the people of their rooms");
      }
    }
  }

  /** The person's ban from the room if it holds now; expired bans keep nobody out. */
  public Optional<Ban> banNow(String roomId, String userId) {
    return rooms.ban(roomId, userId).filter(b -> b.activeAt(clock.instant()));
  }

  void refuseIfBanned(String roomId, String userId) {
    Optional<Ban> ban = banNow(roomId, userId);
    if (ban.isPresent()) {
      throw DomainException.forbidden("you are banned from this room" + until(ban.get().until()));
    }
  }

  /**
   * The room if the user may see it: public rooms to everyone but guests, others (and, for guests,
   * every room) to members only. A room the user may not see is reported as missing so its
   * existence does not leak.
   */
  public Room visible(String userId, String roomId) {
    Room room = find(roomId);
    refuseIfBanned(roomId, userId);
    if ((room.type() != RoomType.PUBLIC || guest.test(userId))
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

  Membership member(Room room, String userId) {
    return rooms
        .membership(room.id(), userId)
        .orElseThrow(
            () ->
                room.type() == RoomType.PUBLIC && !guest.test(userId)
                    ? DomainException.forbidden("join the room before posting in it")
                    : DomainException.notFound("no such room"));
  }

  /**
   * The membership of someone who may post now: a member, not muted, and in a read-only room one of
   * its moderators.
   */
  public Membership requirePoster(String userId, String roomId) {
    return requirePosting(userId, roomId).membership();
  }

  /**
   * Like {@link #requirePoster}, with the room it read: the send path decides slow mode from the
   * same reads (one room, one membership per message).
   */
  public Poster requirePosting(String userId, String roomId) {
    Room room = find(roomId);
    Membership m = member(room, userId);
    String refusal = whyNotPost(room, m);
    if (refusal != null) {
      throw DomainException.moderated(refusal);
    }
    return new Poster(room, m);
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

  boolean moderates(Membership m) {
    return m.role().canModerate() || globalModerator.test(m.userId());
  }

  Room requireModerator(String actorId, String roomId) {
    Room room = visible(actorId, roomId);
    if (!canModerate(actorId, roomId)) {
      throw DomainException.forbidden("only the room's moderators can do that");
    }
    return room;
  }

  public boolean isMember(String userId, String roomId) {
    return rooms.membership(roomId, userId).isPresent();
  }

  Room find(String roomId) {
    if (!Ids.isWellFormed(roomId)) {
      throw DomainException.notFound("no such room");
    }
    return rooms
        .find(roomId)
        .filter(r -> r.state() != RoomState.DELETED)
        .orElseThrow(() -> DomainException.notFound("no such room"));
  }

  Room requireOwnerOrAdmin(String actorId, String roomId) {
    Room room = visible(actorId, roomId);
    if (room.type().isDirect()) {
      throw DomainException.invalid("direct conversations cannot be archived or deleted");
    }
    if (!actorId.equals(room.createdBy()) && !admin.test(actorId)) {
      throw DomainException.forbidden("only the room's owner or an administrator can do that");
    }
    return room;
  }

  Room requireSettingsChanger(String actorId, String roomId) {
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

  /** " until 2026-11-29T14:05Z", or nothing for "until lifted". */
  private static String until(java.time.Instant end) {
    return end == null
        ? ""
        : " until " + end.truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + " (UTC)";
  }
}
