package io.parley.reports;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Text;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.reports.Report.Action;
import io.parley.reports.Report.Status;
import io.parley.rooms.Moderation;
import io.parley.rooms.RoomModeration;
import io.parley.rooms.RoomService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Members report messages; moderators of the room (and global moderators) see the open reports in a
 * queue and handle them. The queue of someone who moderates nothing does not exist for them (not
 * found), so that members do not learn of other people's reports.
 */
public class ReportService {

  public static final int MAX_REASON = 500;

  private final ReportStore store;
  private final RoomService rooms;
  private final MessageService messages;
  private final Clock clock;
  private final Consumer<ReportChange> announce;
  private AuditLog audit = AuditLog.NONE;

  public ReportService(
      ReportStore store,
      RoomService rooms,
      MessageService messages,
      Clock clock,
      Consumer<ReportChange> announce) {
    this.store = store;
    this.rooms = rooms;
    this.messages = messages;
    this.clock = clock;
    this.announce = announce;
  }

  public void auditWith(AuditLog log) {
    this.audit = log;
  }

  /**
   * Files the member's report of a message they can read (someone else's, not deleted); a second
   * report of the same message by the same person changes nothing.
   */
  public Filed report(String userId, String roomId, long seq, String reason) {
    rooms.access().requireMember(userId, roomId);
    Message m = messages.message(userId, roomId, seq);
    if (m.deleted()) {
      throw DomainException.conflict("that message was deleted");
    }
    if (m.senderId().equals(userId)) {
      throw DomainException.invalid("you cannot report your own message");
    }
    String why = Text.requireName(reason, "reason", MAX_REASON);
    Report report =
        new Report(
            roomId,
            seq,
            m.senderId(),
            userId,
            why,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            Status.OPEN,
            null,
            null,
            null);
    if (!store.add(report)) {
      return new Filed(store.find(report.id()).orElse(report), false);
    }
    audit.record(
        new AuditEntry(
            report.at(),
            "report.filed",
            userId,
            m.senderId(),
            roomId,
            why,
            Map.of("seq", Long.toString(seq))));
    announce.accept(new ReportChange(roomId, userId, null));
    return new Filed(report, true);
  }

  /** A report as filed, and whether this call filed it (false: the person had reported it). */
  public record Filed(Report report, boolean fresh) {}

  /** The open reports of the rooms the person moderates, oldest first. */
  public List<Report> queue(String userId) {
    requireModeratesSomething(userId);
    return store.open().stream()
        .filter(r -> rooms.access().canModerate(userId, r.roomId()))
        .toList();
  }

  /** How many open reports the person could handle (0 for people who moderate nothing). */
  public int openCount(String userId) {
    return openCounts(List.of(userId)).get(userId);
  }

  /** {@link #openCount} for several people, reading the open reports once. */
  public Map<String, Integer> openCounts(java.util.Collection<String> userIds) {
    List<Report> open = null;
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String userId : userIds) {
      if (!rooms.access().moderatesAny(userId)) {
        counts.put(userId, 0);
        continue;
      }
      if (open == null) {
        open = store.open();
      }
      counts.put(
          userId,
          (int) open.stream().filter(r -> rooms.access().canModerate(userId, r.roomId())).count());
    }
    return counts;
  }

  /** Whether the person has a queue at all (moderates some room, or every room). */
  public boolean hasQueue(String userId) {
    return rooms.access().moderatesAny(userId);
  }

  /** The person's own reports with what became of them, newest first. */
  public List<Report> mine(String userId, int limit) {
    return store.byReporter(userId, Math.max(1, Math.min(limit, 200)));
  }

  /**
   * A moderator handles an open report: dismisses it, or removes the message, or mutes or bans its
   * author ({@code length} null: until lifted). The reporter is told the outcome.
   */
  public Report handle(
      String moderatorId, String reportId, Action action, Duration length, String note) {
    Report report =
        store
            .find(reportId)
            .filter(r -> rooms.access().canModerate(moderatorId, r.roomId()))
            .orElseThrow(() -> DomainException.notFound("no such report"));
    if (!report.open()) {
      throw DomainException.conflict("that report was already handled: " + report.outcome());
    }
    String reason =
        note == null || note.isBlank()
            ? report.reason()
            : Text.requireName(note, "note", MAX_REASON);
    if (action != Action.DISMISS && action != Action.DELETE) {
      RoomModeration.requireModerationLength(length);
    }
    String outcome =
        switch (action) {
          case DISMISS -> "dismissed: no action taken";
          case DELETE -> {
            messages.remove(moderatorId, report.roomId(), report.seq(), reason, changeId(reportId));
            yield "the message was removed";
          }
          case MUTE -> {
            moderateAuthor(moderatorId, report, Moderation.MUTE, length, reason);
            yield "its author was muted" + until(length);
          }
          case BAN -> {
            moderateAuthor(moderatorId, report, Moderation.BAN, length, reason);
            yield "its author was banned from the room" + until(length);
          }
        };
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Report handled =
        report.handled(
            action == Action.DISMISS ? Status.DISMISSED : Status.ACTED, outcome, moderatorId, now);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("report", reportId);
    detail.put("seq", Long.toString(report.seq()));
    detail.put("outcome", outcome);
    audit.record(
        new AuditEntry(
            now,
            action == Action.DISMISS ? "report.dismissed" : "report.acted",
            moderatorId,
            report.senderId(),
            report.roomId(),
            reason,
            detail));
    store.update(handled); // after its record: a report is never closed without a trace
    announce.accept(new ReportChange(report.roomId(), report.reporterId(), outcome));
    return handled;
  }

  /** The removal's change id: the same for the same report, in the characters ids may use. */
  private static String changeId(String reportId) {
    return "report-"
        + java.util.UUID.nameUUIDFromBytes(
            reportId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private void moderateAuthor(
      String moderatorId, Report report, Moderation action, Duration length, String reason) {
    rooms
        .moderation()
        .moderate(moderatorId, report.roomId(), report.senderId(), action, length, reason);
  }

  private String until(Duration length) {
    return length == null
        ? ""
        : " until " + clock.instant().plus(length).truncatedTo(ChronoUnit.MINUTES) + " (UTC)";
  }

  private void requireModeratesSomething(String userId) {
    if (!rooms.access().moderatesAny(userId)) {
      throw DomainException.notFound("no such page");
    }
  }
}
