package io.parley.retention;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.messaging.Attachment;
import io.parley.messaging.Message;
import io.parley.messaging.MessageStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retention: each room keeps messages for its own number of days, or the default (0 = forever). A
 * run walks each room from its floor (what earlier runs already handled) in seq order and removes
 * the messages older than the room's limit, unless the room or the author is on hold; it stops at
 * the first message young enough. Only administrators change settings and holds; every change and
 * every run is in the audit log.
 */
public final class RetentionService {

  static final int PAGE = 500;

  private final RetentionStore settings;
  private final io.parley.messaging.MessageHistory messages;
  private final io.parley.messaging.MessagePurge purge;
  private final Supplier<List<String>> allRooms;
  private final Predicate<String> isAdmin;
  private final Consumer<List<Attachment>> discardFiles;
  private final Consumer<Purge> announce;
  private final AuditLog audit;
  private final Clock clock;
  private final int defaultDays;

  public RetentionService(
      RetentionStore settings,
      MessageStores messages,
      Supplier<List<String>> allRooms,
      Predicate<String> isAdmin,
      Consumer<List<Attachment>> discardFiles,
      Consumer<Purge> announce,
      AuditLog audit,
      Clock clock,
      int defaultDays) {
    this.settings = settings;
    this.messages = messages.history();
    this.purge = messages.purge();
    this.allRooms = allRooms;
    this.isAdmin = isAdmin;
    this.discardFiles = discardFiles;
    this.announce = announce;
    this.audit = audit;
    this.clock = clock;
    this.defaultDays = Math.max(0, defaultDays);
  }

  public int defaultDays() {
    return defaultDays;
  }

  /** The room's retention in days (0: forever). */
  public int daysFor(String roomId) {
    Integer own = settings.roomDays().get(roomId);
    return own == null ? defaultDays : own;
  }

  public Map<String, Integer> roomDays() {
    return settings.roomDays();
  }

  public List<Hold> holds() {
    return settings.holds();
  }

  private io.parley.messaging.HeldMessages held = io.parley.messaging.HeldMessages.NONE;

  /** Where deleted messages a hold covered are kept; released when no hold covers them. */
  public RetentionService keepingHeldIn(io.parley.messaging.HeldMessages copies) {
    this.held = copies;
    return this;
  }

  /** Whether a hold covers a message of this room by this person (the room's or theirs). */
  public boolean covers(String roomId, String senderId) {
    return settings.holds().stream()
        .anyMatch(
            h ->
                h.kind() == Hold.Kind.ROOM
                    ? h.targetId().equals(roomId)
                    : h.targetId().equals(senderId));
  }

  /** Lets go of the held copies no hold covers any more: their text and files are gone. */
  private long release() {
    long released = 0;
    for (io.parley.messaging.HeldCopy copy : held.all()) {
      Message m = copy.original();
      if (!covers(m.roomId(), m.senderId())) {
        held.drop(m.roomId(), m.seq());
        if (!m.files().isEmpty()) {
          discardFiles.accept(m.files());
        }
        released++;
      }
    }
    return released;
  }

  /** Sets a room's retention (days, 0 = forever) or, with null, returns it to the default. */
  public void setRoomDays(String actorId, String roomId, Integer days) {
    requireAdmin(actorId);
    if (days != null && (days < 0 || days > 36_500)) {
      throw DomainException.invalid("retention is 0 (forever) to 36500 days");
    }
    settings.setRoomDays(roomId, days);
    settings.setFloor(roomId, 0); // a longer limit than before must not skip anything later
    record(
        "retention.room",
        actorId,
        null,
        roomId,
        null,
        Map.of("days", days == null ? "default (" + defaultDays + ")" : String.valueOf(days)));
  }

  public void place(String actorId, Hold.Kind kind, String targetId, String reason) {
    requireAdmin(actorId);
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("a hold needs a reason (a case or matter reference)");
    }
    settings.place(new Hold(kind, targetId, actorId, clock.instant(), reason.strip()));
    record(
        "hold.placed",
        actorId,
        kind == Hold.Kind.PERSON ? targetId : null,
        kind == Hold.Kind.ROOM ? targetId : null,
        reason.strip(),
        Map.of("on", kind.name().toLowerCase()));
  }

  public void lift(String actorId, Hold.Kind kind, String targetId) {
    requireAdmin(actorId);
    settings.lift(kind, targetId);
    // What the hold kept is older than the floors that passed it by: look at everything again.
    settings.resetFloors();
    long released = release();
    record(
        "hold.lifted",
        actorId,
        kind == Hold.Kind.PERSON ? targetId : null,
        kind == Hold.Kind.ROOM ? targetId : null,
        null,
        Map.of(
            "on", kind.name().toLowerCase(), "deletedMessagesReleased", Long.toString(released)));
  }

  /** An administrator's run, now. */
  public RetentionRun runNow(String actorId) {
    requireAdmin(actorId);
    return run(actorId);
  }

  /** The scheduled run (no actor); the caller makes sure one node runs it at a time. */
  public RetentionRun run() {
    return run(null);
  }

  private RetentionRun run(String actorId) {
    Instant now = clock.instant();
    Set<String> heldRooms = new HashSet<>();
    Set<String> heldPeople = new HashSet<>();
    for (Hold h : settings.holds()) {
      (h.kind() == Hold.Kind.ROOM ? heldRooms : heldPeople).add(h.targetId());
    }
    Map<String, Integer> own = settings.roomDays();
    int rooms = 0;
    long removed = 0;
    long files = 0;
    long held = 0;
    for (String roomId : allRooms.get()) {
      int days = own.getOrDefault(roomId, defaultDays);
      if (days <= 0 || heldRooms.contains(roomId)) {
        continue;
      }
      rooms++;
      Instant cutoff = now.minus(Duration.ofDays(days));
      long floor = settings.floor(roomId);
      long last = messages.lastSeq(roomId);
      boolean young = false;
      for (long from = floor; from < last && !young; from += PAGE) {
        List<Long> due = new ArrayList<>();
        List<Message> page = messages.after(roomId, from, (int) Math.min(PAGE, last - from));
        long reached = from;
        for (Message m : page) {
          if (!m.createdAt().isBefore(cutoff)) {
            young = true;
            break;
          }
          reached = m.seq();
          if (heldPeople.contains(m.senderId())) {
            held++;
          } else if (!(m.deleted() && m.seq() == last)) {
            due.add(m.seq());
          }
        }
        if (!young) {
          reached = Math.min(last, from + PAGE);
        }
        if (!due.isEmpty()) {
          for (Message gone : purge.purge(roomId, due)) {
            if (!gone.files().isEmpty()) {
              discardFiles.accept(gone.files());
              files += gone.files().size();
            }
          }
          removed += due.size();
          announce.accept(new Purge(roomId, due));
        }
        settings.setFloor(roomId, reached);
      }
    }
    RetentionRun run = new RetentionRun(rooms, removed, files, held);
    record("retention.run", actorId, null, null, null, run.detail());
    return run;
  }

  private void requireAdmin(String actorId) {
    if (!isAdmin.test(actorId)) {
      throw DomainException.forbidden("only administrators manage retention and holds");
    }
  }

  private void record(
      String action,
      String actorId,
      String targetId,
      String roomId,
      String reason,
      Map<String, String> detail) {
    audit.record(
        new AuditEntry(clock.instant(), action, actorId, targetId, roomId, reason, detail));
  }
}
