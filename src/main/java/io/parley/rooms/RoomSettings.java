package io.parley.rooms;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Ids;
import java.time.Clock;
import java.util.List;

/** A room's moderators set how it runs: slow mode, read-only mode, who pins. */
public final class RoomSettings {

  /** The longest slow mode: six hours between one person's messages. */
  public static final int MAX_SLOW_MODE_SECONDS = 6 * 3600;

  private final RoomDirectory rooms;
  private final Clock clock;
  private final MembershipListener listener;
  private final AuditLog audit;
  private final RoomAccess access;
  private final Cooldowns cooldowns;

  public RoomSettings(RoomContext context, RoomAccess access) {
    this.rooms = context.rooms();
    this.clock = context.clock();
    this.listener = context.listener();
    this.audit = context.audit();
    this.access = access;
    this.cooldowns = context.cooldowns();
  }

  /** Lets every member pin messages, or only moderators. */
  public Room setModeratorsPin(String actorId, String roomId, boolean moderatorsOnly) {
    access.requireModerator(actorId, roomId);
    rooms.setModeratorsPin(roomId, moderatorsOnly);
    audited(moderatorsOnly ? "room.pins.moderators" : "room.pins.members", actorId, null, roomId);
    return access.find(roomId);
  }

  /**
   * Waits out slow mode: a person who is not a moderator posts at most once per the room's slow
   * mode interval, on every node alike. {@code clientMsgId} lets a retried send through.
   */
  public void requireSlowModeTurn(String userId, String roomId, String clientMsgId) {
    requireSlowModeTurn(access.requirePosting(userId, roomId), clientMsgId);
  }

  /** {@link #requireSlowModeTurn} from what the poster's check already read. */
  public void requireSlowModeTurn(Poster poster, String clientMsgId) {
    Room room = poster.room();
    String userId = poster.membership().userId();
    String roomId = room.id();
    if (room.slowModeSeconds() <= 0 || access.moderates(poster.membership())) {
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
    Room room = access.requireModerator(actorId, roomId);
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
    return access.find(roomId);
  }

  /** Opens the room to every member, or makes it read-only (only moderators post). */
  public Room setMode(String actorId, String roomId, RoomMode mode) {
    Room room = access.requireModerator(actorId, roomId);
    if (room.type().isDirect()) {
      throw DomainException.invalid("direct conversations have no modes");
    }
    rooms.setMode(roomId, mode);
    audited("room.mode." + mode.name().toLowerCase(java.util.Locale.ROOT), actorId, null, roomId);
    return access.find(roomId);
  }

  private void audited(String action, String actorId, String targetId, String roomId) {
    audit.record(new AuditEntry(clock.instant(), action, actorId, targetId, roomId, null, null));
  }
}
