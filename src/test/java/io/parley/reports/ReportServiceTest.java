package io.parley.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.messaging.MessageService;
import io.parley.mongo.MongoReportStore;
import io.parley.reports.Report.Action;
import io.parley.reports.Report.Status;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.RecordingAuditLog;
import io.parley.testing.TestMessages;
import io.parley.testing.WireStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reports from filing to outcome, over the real report store (wire protocol, in memory). */
class ReportServiceTest {

  private final WireStore wire = new WireStore();
  private final InMemoryMessageStore messageStore = new InMemoryMessageStore();
  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), Clock.systemUTC());
  private final List<ReportChange> told = new ArrayList<>();
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final MessageService messages =
      TestMessages.service(rooms, messageStore).auditWith(audit, Clock.systemUTC()).build();
  private final ReportService reports =
      new ReportService(
          new MongoReportStore(wire.db()), rooms, messages, Clock.systemUTC(), told::add);
  private final Room room = rooms.lifecycle().create("owner", "general", RoomType.PUBLIC);
  private final Room other = rooms.lifecycle().create("stranger", "elsewhere", RoomType.PUBLIC);

  ReportServiceTest() {
    reports.auditWith(audit);
    for (String u : List.of("ada", "troll", "mod")) {
      rooms.memberships().join(u, room.id());
    }
    rooms.moderation().moderate("owner", room.id(), "mod", io.parley.rooms.Moderation.PROMOTE);
    messages.send("troll", room.id(), "buy cheap watches", "t-1", Map.of());
    messages.send("ada", room.id(), "hello", "a-1", Map.of());
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  @Test
  void aMemberReportsOnceAndTheRoomsModeratorsSeeIt() {
    var first = reports.report("ada", room.id(), 1, "spam");
    assertTrue(first.fresh());
    Report filed = first.report();
    var again = reports.report("ada", room.id(), 1, "spam again");
    assertEquals(filed, again.report(), "once per person");
    assertFalse(again.fresh());
    assertEquals(List.of(new ReportChange(room.id(), "ada", null)), told);

    assertEquals(List.of(filed), reports.queue("mod"));
    assertEquals(List.of(filed), reports.queue("owner"));
    assertEquals(1, reports.openCount("mod"));
    assertEquals(0, reports.openCount("ada"));
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        assertThrows(DomainException.class, () -> reports.queue("ada")).kind(),
        "members do not learn that a queue exists");
    assertEquals(List.of(), reports.queue("stranger"), "another room's owner sees none of it");
    assertEquals("report.filed", audit.entries().get(audit.entries().size() - 1).action());
  }

  @Test
  void badReportsAreRefused() {
    assertThrows(DomainException.class, () -> reports.report("ada", room.id(), 2, "me"));
    assertThrows(DomainException.class, () -> reports.report("ada", room.id(), 1, "  "));
    assertThrows(DomainException.class, () -> reports.report("ada", room.id(), 99, "gone"));
    assertThrows(
        DomainException.class, () -> reports.report("outsider", room.id(), 1, "not a member"));
  }

  @Test
  void removingTheMessageFromTheQueueTellsTheReporter() {
    Report filed = reports.report("ada", room.id(), 1, "spam").report();
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        assertThrows(
                DomainException.class,
                () -> reports.handle("stranger", filed.id(), Action.DELETE, null, null))
            .kind());

    Report handled = reports.handle("mod", filed.id(), Action.DELETE, null, null);

    assertEquals(Status.ACTED, handled.status());
    assertEquals("the message was removed", handled.outcome());
    assertTrue(messages.message("ada", room.id(), 1).deleted());
    assertEquals(new ReportChange(room.id(), "ada", "the message was removed"), told.get(1));
    assertEquals(List.of(), reports.queue("mod"));
    assertEquals(List.of(handled), reports.mine("ada", 10));
    assertThrows(
        DomainException.class, () -> reports.handle("mod", filed.id(), Action.DISMISS, null, null));
    List<String> actions = audit.entries().stream().map(e -> e.action()).toList();
    assertTrue(actions.containsAll(List.of("report.filed", "message.removed", "report.acted")));
  }

  @Test
  void mutingOrBanningTheAuthorFromTheQueue() {
    Report filed = reports.report("ada", room.id(), 1, "spam").report();
    Report handled = reports.handle("mod", filed.id(), Action.MUTE, Duration.ofHours(1), "calm");
    assertTrue(handled.outcome().startsWith("its author was muted until"), handled.outcome());
    assertFalse(rooms.access().canPost("troll", room.id()));

    messages.send("ada", room.id(), "more", "a-2", Map.of());
    Report dismissed =
        reports.handle(
            "owner",
            reports.report("troll", room.id(), 3, "she is mean").report().id(),
            Action.DISMISS,
            null,
            null);
    assertEquals(Status.DISMISSED, dismissed.status());
    assertFalse(messages.message("troll", room.id(), 3).deleted());
  }
}
