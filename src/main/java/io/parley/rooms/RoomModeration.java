package io.parley.rooms;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Text;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A moderator's acts on a person in a room (mute, kick, ban, their undoing, promotion): checked
 * whole, recorded in the audit log, then done.
 */
public final class RoomModeration {

  /** The longest reason a moderator may give. */
  public static final int MAX_REASON = 500;

  /** The longest a mute or ban may be set for; longer is "until lifted". */
  public static final java.time.Duration MAX_MODERATION_LENGTH = java.time.Duration.ofDays(3650);

  private final RoomDirectory rooms;
  private final Clock clock;
  private final MembershipListener listener;
  private final Predicate<String> globalModerator;
  private final AuditLog audit;
  private final RoomAccess access;
  private final MemberLists memberLists;

  public RoomModeration(RoomContext context, RoomAccess access, MemberLists memberLists) {
    this.rooms = context.rooms();
    this.clock = context.clock();
    this.listener = context.listener();
    this.globalModerator = context.globalModerator();
    this.audit = context.audit();
    this.access = access;
    this.memberLists = memberLists;
  }

  /**
   * A moderator's act; a mute or ban lasts {@code length} (null: until lifted) and then simply
   * stops holding, on every node, with no job and no restart.
   */
  /** A moderator's act on a person in the room, for ever and without a reason. */
  public void moderate(String actorId, String roomId, String targetId, Moderation action) {
    moderate(actorId, roomId, targetId, action, null, null);
  }

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
    Room room = access.requireModerator(actorId, roomId);
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
        memberLists.membersChanged(roomId);
        rooms.setBan(roomId, targetId, new Ban(end));
        listener.removed(roomId, targetId);
      }
      case KICK -> {
        rooms.removeMember(roomId, targetId);
        memberLists.membersChanged(roomId);
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
        memberLists.membersChanged(roomId);
        if (action == Moderation.MUTE || action == Moderation.UNMUTE) {
          listener.standingChanged(roomId, List.of(targetId)); // their composer, live
        }
      }
    }
  }

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
}
