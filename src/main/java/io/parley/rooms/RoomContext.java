package io.parley.rooms;

import io.parley.audit.AuditLog;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * What every room capability is built with: the stored rooms and memberships, the clock, who is
 * told of membership changes (every node), who moderates every room and who administers Parley
 * (from the IdP's groups), where acts are recorded, and where slow mode keeps turns.
 */
public record RoomContext(
    RoomDirectory rooms,
    Clock clock,
    MembershipListener listener,
    Predicate<String> globalModerator,
    Predicate<String> admin,
    AuditLog audit,
    Cooldowns cooldowns,
    Predicate<String> guest) {

  /** A context with nobody global, no audit log and turns kept in this process (tests, tools). */
  public static RoomContext of(RoomDirectory rooms, Clock clock, MembershipListener listener) {
    return new RoomContext(
        rooms,
        clock,
        listener,
        id -> false,
        id -> false,
        AuditLog.NONE,
        Cooldowns.inMemory(clock),
        id -> false);
  }

  public RoomContext withGlobalModerators(Predicate<String> isGlobalModerator) {
    return new RoomContext(
        rooms, clock, listener, isGlobalModerator, admin, audit, cooldowns, guest);
  }

  public RoomContext withAdmins(Predicate<String> isAdmin) {
    return new RoomContext(
        rooms, clock, listener, globalModerator, isAdmin, audit, cooldowns, guest);
  }

  public RoomContext withAudit(AuditLog log) {
    return new RoomContext(rooms, clock, listener, globalModerator, admin, log, cooldowns, guest);
  }

  public RoomContext withCooldowns(Cooldowns shared) {
    return new RoomContext(rooms, clock, listener, globalModerator, admin, audit, shared, guest);
  }

  /** Guests see only the rooms they are in, join none, create none (see {@code RoomAccess}). */
  public RoomContext withGuests(Predicate<String> isGuest) {
    return new RoomContext(
        rooms, clock, listener, globalModerator, admin, audit, cooldowns, isGuest);
  }
}
