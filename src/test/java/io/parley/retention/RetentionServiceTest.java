package io.parley.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.messaging.Attachment;
import io.parley.messaging.Message;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.RecordingAuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retention deletes exactly what is due, nothing under a hold, and keeps numbering going. */
class RetentionServiceTest {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private final InMemoryMessageStore store = new InMemoryMessageStore();
  private final MemoryRetentionStore settings = new MemoryRetentionStore();
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final List<Attachment> discarded = new ArrayList<>();
  private final List<Purge> announced = new ArrayList<>();
  private final RetentionService retention =
      new RetentionService(
          settings,
          io.parley.messaging.MessageStores.of(store),
          () -> List.of("a", "forever", "held", "old"),
          "admin"::equals,
          discarded::addAll,
          announced::add,
          audit,
          Clock.fixed(NOW, ZoneOffset.UTC),
          30);

  private void post(String room, long seq, String sender, int daysAgo, Attachment... files) {
    store.insert(
        new Message(
            room + "-" + seq,
            room,
            seq,
            sender,
            "m" + seq,
            "text/plain",
            NOW.minus(Duration.ofDays(daysAgo)),
            null,
            false,
            "c" + seq,
            Map.of(),
            List.of(),
            null,
            null,
            null,
            0,
            false,
            null,
            List.of(files),
            null));
  }

  private List<Long> left(String room) {
    return store.inRoom(room).stream().map(Message::seq).sorted().toList();
  }

  @Test
  void removesWhatIsDueExceptUnderHoldAndKeepsTheLastSeq() {
    Attachment plan = new Attachment("f1", "plan.pdf", "application/pdf", 10, null, 0, 0);
    post("a", 1, "ada", 40, plan);
    post("a", 2, "bob", 35);
    post("a", 3, "ada", 31);
    post("a", 4, "ada", 10);
    post("a", 5, "bob", 1);
    post("forever", 1, "ada", 400);
    post("held", 1, "ada", 400);
    post("old", 1, "ada", 90);
    post("old", 2, "ada", 80);
    retention.setRoomDays("admin", "forever", 0);
    retention.place("admin", Hold.Kind.ROOM, "held", "case 17");
    retention.place("admin", Hold.Kind.PERSON, "bob", "case 18");

    RetentionRun run = retention.run();

    assertEquals(List.of(2L, 4L, 5L), left("a"), "ada's old messages go, bob's stays under hold");
    assertEquals(List.of(1L), left("forever"));
    assertEquals(List.of(1L), left("held"));
    assertEquals(List.of(2L), left("old"), "the room's last seq stays, as a tombstone");
    assertTrue(store.inRoom("old").get(0).deleted());
    assertEquals(2, store.lastSeq("old"), "numbering goes on");
    assertEquals(List.of(plan), discarded, "files go with their message");
    assertEquals(new RetentionRun(2, 4, 1, 1), run);
    assertEquals(
        List.of(new Purge("a", List.of(1L, 3L)), new Purge("old", List.of(1L, 2L))), announced);
    var entry = audit.entries().get(audit.entries().size() - 1);
    assertEquals("retention.run", entry.action());
    assertEquals("4", entry.detail().get("messages"));

    assertEquals(new RetentionRun(2, 0, 0, 0), retention.run(), "nothing more is due");
    retention.lift("admin", Hold.Kind.PERSON, "bob");
    assertEquals(new RetentionRun(2, 1, 0, 0), retention.run(), "what the hold kept goes now");
    assertEquals(List.of(4L, 5L), left("a"));
  }

  @Test
  void onlyAdministratorsChangeSettingsAndHolds() {
    assertThrows(DomainException.class, () -> retention.setRoomDays("ada", "a", 1));
    assertThrows(DomainException.class, () -> retention.place("ada", Hold.Kind.ROOM, "a", "x"));
    assertThrows(DomainException.class, () -> retention.runNow("ada"));
    assertThrows(DomainException.class, () -> retention.place("admin", Hold.Kind.ROOM, "a", " "));
    assertThrows(DomainException.class, () -> retention.setRoomDays("admin", "a", -1));
    assertEquals(30, retention.daysFor("a"));
    retention.setRoomDays("admin", "a", 7);
    assertEquals(7, retention.daysFor("a"));
    retention.setRoomDays("admin", "a", null);
    assertEquals(30, retention.daysFor("a"));
  }

  /** Retention settings in memory. */
  static final class MemoryRetentionStore implements RetentionStore {
    private final Map<String, Integer> days = new HashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    private final Map<String, Long> floors = new HashMap<>();

    @Override
    public Map<String, Integer> roomDays() {
      return Map.copyOf(days);
    }

    @Override
    public void setRoomDays(String roomId, Integer d) {
      if (d == null) {
        days.remove(roomId);
      } else {
        days.put(roomId, d);
      }
    }

    @Override
    public List<Hold> holds() {
      return List.copyOf(holds.values());
    }

    @Override
    public void place(Hold hold) {
      holds.put(hold.kind() + hold.targetId(), hold);
    }

    @Override
    public void lift(Hold.Kind kind, String targetId) {
      holds.remove(kind + targetId);
    }

    @Override
    public long floor(String roomId) {
      return floors.getOrDefault(roomId, 0L);
    }

    @Override
    public void setFloor(String roomId, long seq) {
      floors.put(roomId, seq);
    }

    @Override
    public void resetFloors() {
      floors.clear();
    }
  }
}
