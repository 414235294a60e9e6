package io.parley.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.audit.AuditEntry;
import io.parley.common.DomainException;
import io.parley.rooms.MembershipListener;
import io.parley.rooms.Moderation;
import io.parley.rooms.Room;
import io.parley.rooms.RoomContext;
import io.parley.rooms.RoomModeration;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.RecordingAuditLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Security round three at the domain's edge: acts that leave no trace do not happen, holds keep
 * what is deleted, a global moderator removes in a direct conversation only what was reported,
 * archived history is read-only, and a reused change id does not turn a refusal into a success.
 */
class HeldAndGuardedChangesTest {

  private final InMemoryMessageStore store = new InMemoryMessageStore();
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final RoomContext roomContext =
      RoomContext.of(new InMemoryRoomDirectory(), Clock.systemUTC(), MembershipListener.NONE)
          .withGlobalModerators("globalmod"::equals)
          .withAudit(audit);
  private final RoomService rooms = new RoomService(roomContext);
  private final List<List<Attachment>> discarded = new CopyOnWriteArrayList<>();
  private final Set<String> heldPeople = new java.util.HashSet<>();
  private final Set<String> reported = new java.util.HashSet<>();
  private final InMemoryHeld held = new InMemoryHeld();
  private final RoomSequencer sequencer =
      new RoomSequencer(
          MessageStores.of(store), e -> {}, Clock.systemUTC(), () -> UUID.randomUUID().toString());
  private final MessageService messages = service().auditWith(audit, Clock.systemUTC()).build();
  private final Room room = rooms.lifecycle().create("owner", "general", RoomType.PUBLIC);

  private MessageServiceBuilder service() {
    return MessageService.builder(
            rooms,
            sequencer,
            MessageStores.of(store),
            ids -> ids.stream().collect(Collectors.toMap(id -> id, id -> id)))
        .onDeletedFiles(discarded::add)
        .holds((roomId, senderId) -> heldPeople.contains(senderId), held)
        .reportedBy((roomId, seq) -> reported.contains(roomId + "/" + seq));
  }

  HeldAndGuardedChangesTest() {
    rooms.memberships().join("eve", room.id());
    rooms.memberships().join("mod", room.id());
    audit.clear(); // the setting up is not what these tests look at
  }

  /** An audit log whose store is down: every record fails. */
  private static final class BrokenAudit implements io.parley.audit.AuditLog {
    @Override
    public void record(AuditEntry entry) {
      throw new IllegalStateException("audit store unavailable");
    }

    @Override
    public List<AuditEntry> search(io.parley.audit.AuditQuery query) {
      return List.of();
    }

    @Override
    public void export(
        io.parley.audit.AuditQuery query, java.util.function.Consumer<AuditEntry> each) {}
  }

  @Test
  void aModerationWithABadReasonIsRefusedBeforeAnythingChanges() {
    rooms.moderation().moderate("owner", room.id(), "mod", Moderation.PROMOTE);
    String control = "spam\u0007";
    assertThrows(
        DomainException.class,
        () ->
            rooms
                .moderation()
                .moderate(
                    "mod", room.id(), "eve", Moderation.MUTE, Duration.ofMinutes(5), control));
    assertTrue(rooms.access().canPost("eve", room.id()), "not muted by a refused request");
    String tooLong = "x".repeat(RoomModeration.MAX_REASON + 1);
    assertThrows(
        DomainException.class,
        () ->
            rooms
                .moderation()
                .moderate("owner", room.id(), "eve", Moderation.PROMOTE, null, tooLong));
    assertFalse(rooms.access().canModerate("eve", room.id()), "not promoted by a refused request");
    assertEquals(1, audit.entries().size(), "only the first promotion is in the log");
  }

  @Test
  void anActTheAuditLogCannotRecordDoesNotHappen() {
    RoomService unrecorded = new RoomService(roomContext.withAudit(new BrokenAudit()));
    assertThrows(
        IllegalStateException.class,
        () ->
            unrecorded
                .moderation()
                .moderate("owner", room.id(), "eve", Moderation.MUTE, null, "flooding"));
    assertTrue(rooms.access().canPost("eve", room.id()));
    assertThrows(
        IllegalStateException.class,
        () ->
            unrecorded
                .moderation()
                .moderate("owner", room.id(), "eve", Moderation.KICK, null, null));
    assertTrue(rooms.access().isMember("eve", room.id()));

    long seq = messages.send("eve", room.id(), "keep me", "c1", Map.of()).message().seq();
    MessageService unrecordedMessages =
        service().auditWith(new BrokenAudit(), Clock.systemUTC()).build();
    assertThrows(
        IllegalStateException.class,
        () -> unrecordedMessages.remove("owner", room.id(), seq, "rude", "r1"));
    assertFalse(store.find(room.id(), seq).orElseThrow().deleted(), "not removed without a record");
  }

  @Test
  void mutesAndBansOfAbsurdLengthsAreRefusedClearly() {
    for (Long minutes : List.of(Long.MAX_VALUE, 0L, -5L, 60L * 24 * 3651)) {
      DomainException e =
          assertThrows(DomainException.class, () -> RoomModeration.moderationLength(null, minutes));
      assertEquals(DomainException.Kind.INVALID, e.kind());
    }
    assertThrows(
        DomainException.class, () -> RoomModeration.moderationLength(Long.MAX_VALUE, null));
    assertThrows(DomainException.class, () -> RoomModeration.moderationMinutes("1e17"));
    assertThrows(
        DomainException.class, () -> RoomModeration.moderationMinutes("9223372036854775807"));
    assertEquals(Duration.ofMinutes(10), RoomModeration.moderationMinutes(" 10 "));
  }

  @Test
  void underAHoldADeletedMessageIsHiddenButKeptWithItsVersionsAndFiles() {
    heldPeople.add("eve");
    Attachment file = new Attachment("f1", "plan.pdf", "application/pdf", 10, null, 0, 0);
    NewMessage draft =
        NewMessage.withFiles(room.id(), "eve", "first words", "c1", Map.of(), List.of(file));
    long seq = messages.post("eve", draft).message().seq();
    messages.edit("eve", room.id(), seq, "second words", "e1");
    messages.delete("eve", room.id(), seq, "d1");

    assertTrue(store.find(room.id(), seq).orElseThrow().deleted(), "hidden from people");
    assertTrue(discarded.isEmpty(), "its file is kept");
    HeldCopy copy = held.inRoom(room.id()).get(0);
    assertEquals("second words", copy.original().body());
    assertEquals("first words", copy.versions().get(0).previousBody());
    assertEquals(List.of(file), copy.original().files());

    long other = messages.send("eve", room.id(), "also held", "c2", Map.of()).message().seq();
    messages.remove("owner", room.id(), other, "off topic", "r2");
    assertEquals(2, held.inRoom(room.id()).size(), "a moderator's removal is kept too");
  }

  @Test
  void withoutAHoldDeletionDiscardsEverything() {
    Attachment file = new Attachment("f1", "plan.pdf", "application/pdf", 10, null, 0, 0);
    NewMessage draft = NewMessage.withFiles(room.id(), "eve", "bye", "c1", Map.of(), List.of(file));
    long seq = messages.post("eve", draft).message().seq();
    messages.delete("eve", room.id(), seq, "d1");
    assertEquals(List.of(List.of(file)), discarded);
    assertTrue(held.inRoom(room.id()).isEmpty());
  }

  @Test
  void aGlobalModeratorRemovesInADirectConversationOnlyWhatWasReported() {
    Room dm = rooms.lifecycle().openDirect("eve", List.of("owner"));
    long seq = messages.send("eve", dm.id(), "private words", "c1", Map.of()).message().seq();
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> messages.remove("globalmod", dm.id(), seq, "looks bad", "r1"));
    assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
    assertFalse(store.find(dm.id(), seq).orElseThrow().deleted());
    reported.add(dm.id() + "/" + seq);
    assertTrue(messages.remove("globalmod", dm.id(), seq, "reported", "r2").message().deleted());
  }

  @Test
  void anArchivedRoomsHistoryCannotBeDeleted() {
    long seq = messages.send("eve", room.id(), "history", "c1", Map.of()).message().seq();
    rooms.lifecycle().archive("owner", room.id(), true);
    assertThrows(DomainException.class, () -> messages.delete("eve", room.id(), seq, "d1"));
    assertThrows(DomainException.class, () -> messages.remove("owner", room.id(), seq, null, "r1"));
    assertFalse(store.find(room.id(), seq).orElseThrow().deleted());
  }

  @Test
  void aReusedChangeIdAnswersAsTheFirstAttemptWould() {
    long mine = messages.send("eve", room.id(), "mine", "c1", Map.of()).message().seq();
    long theirs = messages.send("mod", room.id(), "theirs", "c2", Map.of()).message().seq();
    messages.edit("eve", room.id(), mine, "mine, edited", "same-id");
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> messages.edit("eve", room.id(), theirs, "hijacked", "same-id"));
    assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
    assertThrows(DomainException.class, () -> messages.delete("eve", room.id(), theirs, "same-id"));
    assertEquals("theirs", store.find(room.id(), theirs).orElseThrow().body());
    // A true retry still answers as the first attempt did.
    assertEquals(
        "mine, edited",
        messages.edit("eve", room.id(), mine, "mine, edited", "same-id").message().body());
  }

  /** Held copies in memory. */
  private static final class InMemoryHeld implements HeldMessages {
    private final List<HeldCopy> copies = new ArrayList<>();

    @Override
    public void keep(HeldCopy copy) {
      copies.add(copy);
    }

    @Override
    public List<HeldCopy> inRoom(String roomId) {
      return copies.stream().filter(c -> c.original().roomId().equals(roomId)).toList();
    }

    @Override
    public List<HeldCopy> bySender(String senderId) {
      return copies.stream().filter(c -> c.original().senderId().equals(senderId)).toList();
    }

    @Override
    public List<HeldCopy> all() {
      return List.copyOf(copies);
    }

    @Override
    public boolean keepsFile(String fileId) {
      return copies.stream()
          .anyMatch(c -> c.original().files().stream().anyMatch(f -> f.fileId().equals(fileId)));
    }

    @Override
    public void drop(String roomId, long seq) {
      copies.removeIf(c -> c.original().roomId().equals(roomId) && c.original().seq() == seq);
    }
  }
}
