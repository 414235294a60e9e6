package io.parley.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.common.DomainException;
import io.parley.testing.InMemoryRoomDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding people, renaming, topics and unique public names: who may, and what it does. */
class RoomSettingsTest {

  private final List<String> joined = new ArrayList<>();
  private final RoomService rooms =
      new RoomService(
          new InMemoryRoomDirectory(),
          Clock.systemUTC(),
          new MembershipListener() {
            @Override
            public void joined(String roomId, Collection<String> userIds) {
              userIds.forEach(u -> joined.add(roomId + ":" + u));
            }
          });

  private DomainException.Kind refused(Runnable r) {
    return assertThrows(DomainException.class, r::run).kind();
  }

  @Test
  void ownersAndModeratorsAddPeopleWhoSeeTheRoomAtOnce() {
    Room room = rooms.create("owner", "plans", RoomType.PRIVATE);
    rooms.addMember("owner", room.id(), "bob");
    assertEquals(true, rooms.isMember("bob", room.id()));
    assertEquals(room.id() + ":bob", joined.get(joined.size() - 1), "their pages are told");
    assertEquals(
        DomainException.Kind.FORBIDDEN, refused(() -> rooms.addMember("bob", room.id(), "cy")));
    assertEquals(
        DomainException.Kind.NOT_FOUND, refused(() -> rooms.addMember("eve", room.id(), "eve")));
    rooms.moderate("owner", room.id(), "bob", Moderation.PROMOTE);
    rooms.addMember("bob", room.id(), "cy");
    int told = joined.size();
    rooms.addMember("bob", room.id(), "cy");
    assertEquals(told, joined.size(), "adding again changes nothing");
    rooms.moderate("owner", room.id(), "dan", Moderation.BAN);
    assertEquals(
        DomainException.Kind.CONFLICT, refused(() -> rooms.addMember("owner", room.id(), "dan")));
    Room dm = rooms.openDirect("owner", List.of("bob"));
    assertEquals(
        DomainException.Kind.INVALID, refused(() -> rooms.addMember("owner", dm.id(), "cy")));
  }

  @Test
  void renameAndTopicKeepPublicNamesUnique() {
    Room general = rooms.create("owner", "General", RoomType.PUBLIC);
    Room other = rooms.create("owner", "random", RoomType.PUBLIC);
    assertEquals(
        DomainException.Kind.CONFLICT,
        refused(() -> rooms.create("ada", "general", RoomType.PUBLIC)));
    rooms.create("ada", "general", RoomType.PRIVATE); // private names are the owner's business
    assertEquals(
        DomainException.Kind.CONFLICT, refused(() -> rooms.rename("owner", other.id(), "GENERAL")));
    assertEquals("General chat", rooms.rename("owner", general.id(), "General chat").name());
    assertEquals("general", rooms.rename("owner", other.id(), "general").name(), "free again");
    assertEquals(
        "Where we plan", rooms.setTopic("owner", general.id(), "  Where we plan ").topic());
    assertEquals(null, rooms.setTopic("owner", general.id(), " ").topic());
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.setTopic("owner", general.id(), "x".repeat(251))));
    rooms.join("ada", general.id());
    assertEquals(
        DomainException.Kind.FORBIDDEN, refused(() -> rooms.rename("ada", general.id(), "mine")));
  }

  @Test
  void membersChooseWhatToHearAndNewcomersJoinTheDefaultRooms() {
    Room general = rooms.create("owner", "General", RoomType.PUBLIC);
    rooms.create("owner", "secret", RoomType.PRIVATE);
    rooms.joinDefaults("newbie", java.util.List.of("general", "secret", "no such room"));
    assertEquals(true, rooms.isMember("newbie", general.id()), "joined, any case");
    assertEquals(1, rooms.roomsOf("newbie").size(), "never a private room, nothing missing");
    assertEquals(Notify.DEFAULT, rooms.notifyLevels("newbie").get(general.id()));
    rooms.setNotify("newbie", general.id(), Notify.NOTHING);
    assertEquals(Notify.NOTHING, rooms.notifyLevels("newbie").get(general.id()));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.setNotify("eve", general.id(), Notify.ALL)));
    assertEquals(DomainException.Kind.INVALID, refused(() -> Notify.of("loud")));
  }
}
