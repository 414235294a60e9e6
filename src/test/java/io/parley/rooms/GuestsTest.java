package io.parley.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.users.Roles;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guests: only the rooms they are added to, and only their people. */
class GuestsTest {

  private final RoomService rooms =
      new RoomService(
          RoomContext.of(new InMemoryRoomDirectory(), Clock.systemUTC(), MembershipListener.NONE)
              .withGuests("gus"::equals));
  private final Room lobby = rooms.lifecycle().create("ada", "lobby", RoomType.PUBLIC);
  private final Room project = rooms.lifecycle().create("ada", "project", RoomType.PRIVATE);

  GuestsTest() {
    rooms.memberships().join("bob", lobby.id());
    rooms.memberships().addPerson("ada", project.id(), "gus");
  }

  @Test
  void aGuestSeesOnlyTheRoomsTheyWereAddedTo() {
    assertEquals(project.id(), rooms.access().visible("gus", project.id()).id());
    assertEquals(404, status(() -> rooms.access().visible("gus", lobby.id())), "no public rooms");
    assertEquals(
        404, status(() -> rooms.access().requirePosting("gus", lobby.id())), "not even by posting");
    assertEquals(404, status(() -> rooms.memberships().join("gus", lobby.id())), "invisible");
    assertEquals(403, status(() -> rooms.lifecycle().create("gus", "mine", RoomType.PRIVATE)));
    assertTrue(rooms.listings().publicRoomsFor("gus").isEmpty());
    assertFalse(rooms.listings().publicRoomsFor("bob").isEmpty(), "everyone else sees them");
    rooms.memberships().joinDefaults("gus", List.of("lobby"));
    assertTrue(rooms.access().isGuest("gus"));
    assertEquals(404, status(() -> rooms.access().visible("gus", lobby.id())), "no default rooms");
  }

  @Test
  void aGuestTalksOnlyWithThePeopleOfTheirRooms() {
    assertTrue(rooms.access().mayMeet("gus", "ada"));
    assertFalse(rooms.access().mayMeet("gus", "bob"));
    assertTrue(rooms.access().mayMeet("bob", "gus"), "members meet anyone");
    assertTrue(rooms.lifecycle().openDirect("gus", List.of("ada")).type().isDirect());
    assertEquals(403, status(() -> rooms.lifecycle().openDirect("gus", List.of("bob"))));
    assertTrue(rooms.lifecycle().openDirect("bob", List.of("gus")).type().isDirect());
  }

  @Test
  void theGuestRoleComesFromAGuestGroupAndYieldsToModeratorAndAdminGroups() {
    Roles roles = new Roles(Set.of("admins"), Set.of("mods"), Set.of("guests"));
    assertTrue(roles.isGuest(Set.of("guests")));
    assertFalse(roles.isGuest(Set.of("guests", "mods")));
    assertFalse(roles.isGuest(Set.of("staff")));
  }

  private static int status(Runnable r) {
    try {
      r.run();
      return 200;
    } catch (DomainException e) {
      return switch (e.kind()) {
        case NOT_FOUND -> 404;
        case FORBIDDEN -> 403;
        default -> 400;
      };
    }
  }
}
