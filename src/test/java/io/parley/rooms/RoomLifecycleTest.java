package io.parley.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.RecordingAuditLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Archiving and deleting rooms: who may, and what it does to members and the directory. */
class RoomLifecycleTest {

  private final List<String> removed = new ArrayList<>();
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final RoomService rooms =
      new RoomService(
          RoomContext.of(
                  new InMemoryRoomDirectory(),
                  Clock.systemUTC(),
                  new MembershipListener() {
                    @Override
                    public void joined(String roomId, Collection<String> userIds) {}

                    @Override
                    public void removed(String roomId, String userId) {
                      removed.add(userId);
                    }
                  })
              .withAudit(audit)
              .withAdmins("root"::equals));
  private final Room room = rooms.create("owner", "town hall", RoomType.PUBLIC);

  RoomLifecycleTest() {
    rooms.join("ada", room.id());
    audit.clear(); // the setting up is not what these tests look at
  }

  @Test
  void anArchivedRoomIsReadOnlyAndHiddenFromTheDirectoryUntilBroughtBack() {
    assertThrows(DomainException.class, () -> rooms.archive("ada", room.id(), true));
    rooms.archive("owner", room.id(), true);

    assertFalse(rooms.canPost("ada", room.id()));
    assertFalse(rooms.canPost("owner", room.id()), "nobody posts, moderators neither");
    assertTrue(rooms.publicRooms().isEmpty());
    assertEquals(room.id(), rooms.visible("ada", room.id()).id(), "still readable");
    assertTrue(rooms.standing("ada", room.id()).archived());
    assertThrows(DomainException.class, () -> rooms.join("bob", room.id()));

    rooms.archive("root", room.id(), false);
    assertTrue(rooms.canPost("ada", room.id()));
    assertEquals(
        List.of("room.archived", "room.unarchived"),
        audit.entries().stream().map(e -> e.action()).toList());
  }

  @Test
  void deletingNeedsTheNameAndTakesTheRoomFromEveryone() {
    assertThrows(DomainException.class, () -> rooms.delete("ada", room.id(), "town hall"));
    assertEquals(
        DomainException.Kind.INVALID,
        assertThrows(DomainException.class, () -> rooms.delete("owner", room.id(), "town")).kind());

    rooms.delete("root", room.id(), "town hall");

    assertEquals(
        List.of("owner", "ada").stream().sorted().toList(), removed.stream().sorted().toList());
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        assertThrows(DomainException.class, () -> rooms.visible("owner", room.id())).kind());
    assertTrue(rooms.roomsOf("ada").isEmpty());
    var entry = audit.entries().get(0);
    assertEquals("room.deleted", entry.action());
    assertEquals("town hall", entry.detail().get("name"));
  }
}
