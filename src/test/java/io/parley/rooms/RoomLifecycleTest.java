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
  private final Room room = rooms.lifecycle().create("owner", "town hall", RoomType.PUBLIC);

  RoomLifecycleTest() {
    rooms.memberships().join("ada", room.id());
    audit.clear(); // the setting up is not what these tests look at
  }

  @Test
  void anArchivedRoomIsReadOnlyAndHiddenFromTheDirectoryUntilBroughtBack() {
    assertThrows(DomainException.class, () -> rooms.lifecycle().archive("ada", room.id(), true));
    rooms.lifecycle().archive("owner", room.id(), true);

    assertFalse(rooms.access().canPost("ada", room.id()));
    assertFalse(rooms.access().canPost("owner", room.id()), "nobody posts, moderators neither");
    assertTrue(rooms.listings().publicRooms().isEmpty());
    assertEquals(room.id(), rooms.access().visible("ada", room.id()).id(), "still readable");
    assertTrue(rooms.access().standing("ada", room.id()).archived());
    assertThrows(DomainException.class, () -> rooms.memberships().join("bob", room.id()));

    rooms.lifecycle().archive("root", room.id(), false);
    assertTrue(rooms.access().canPost("ada", room.id()));
    assertEquals(
        List.of("room.archived", "room.unarchived"),
        audit.entries().stream().map(e -> e.action()).toList());
  }

  @Test
  void deletingNeedsTheNameAndTakesTheRoomFromEveryone() {
    assertThrows(
        DomainException.class, () -> rooms.lifecycle().delete("ada", room.id(), "town hall"));
    assertEquals(
        DomainException.Kind.INVALID,
        assertThrows(
                DomainException.class, () -> rooms.lifecycle().delete("owner", room.id(), "town"))
            .kind());

    rooms.lifecycle().delete("root", room.id(), "town hall");

    assertEquals(
        List.of("owner", "ada").stream().sorted().toList(), removed.stream().sorted().toList());
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        assertThrows(DomainException.class, () -> rooms.access().visible("owner", room.id()))
            .kind());
    assertTrue(rooms.listings().roomsOf("ada").isEmpty());
    var entry = audit.entries().get(0);
    assertEquals("room.deleted", entry.action());
    assertEquals("town hall", entry.detail().get("name"));
  }
}
