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
    Room room = rooms.lifecycle().create("owner", "plans", RoomType.PRIVATE);
    rooms.memberships().addMember("owner", room.id(), "bob");
    assertEquals(true, rooms.access().isMember("bob", room.id()));
    assertEquals(room.id() + ":bob", joined.get(joined.size() - 1), "their pages are told");
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.memberships().addMember("bob", room.id(), "cy")));
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        refused(() -> rooms.memberships().addMember("eve", room.id(), "eve")));
    rooms.moderation().moderate("owner", room.id(), "bob", Moderation.PROMOTE);
    rooms.memberships().addMember("bob", room.id(), "cy");
    int told = joined.size();
    rooms.memberships().addMember("bob", room.id(), "cy");
    assertEquals(told, joined.size(), "adding again changes nothing");
    rooms.moderation().moderate("owner", room.id(), "dan", Moderation.BAN);
    assertEquals(
        DomainException.Kind.CONFLICT,
        refused(() -> rooms.memberships().addMember("owner", room.id(), "dan")));
    Room dm = rooms.lifecycle().openDirect("owner", List.of("bob"));
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.memberships().addMember("owner", dm.id(), "cy")));
  }

  @Test
  void renameAndTopicKeepPublicNamesUnique() {
    Room general = rooms.lifecycle().create("owner", "General", RoomType.PUBLIC);
    Room other = rooms.lifecycle().create("owner", "random", RoomType.PUBLIC);
    assertEquals(
        DomainException.Kind.CONFLICT,
        refused(() -> rooms.lifecycle().create("ada", "general", RoomType.PUBLIC)));
    rooms
        .lifecycle()
        .create("ada", "general", RoomType.PRIVATE); // private names are the owner's business
    assertEquals(
        DomainException.Kind.CONFLICT,
        refused(() -> rooms.lifecycle().rename("owner", other.id(), "GENERAL")));
    assertEquals(
        "General chat", rooms.lifecycle().rename("owner", general.id(), "General chat").name());
    assertEquals(
        "general", rooms.lifecycle().rename("owner", other.id(), "general").name(), "free again");
    assertEquals(
        "Where we plan",
        rooms.lifecycle().setTopic("owner", general.id(), "  Where we plan ").topic());
    assertEquals(null, rooms.lifecycle().setTopic("owner", general.id(), " ").topic());
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.lifecycle().setTopic("owner", general.id(), "x".repeat(251))));
    rooms.memberships().join("ada", general.id());
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.lifecycle().rename("ada", general.id(), "mine")));
  }

  @Test
  void membersChooseWhatToHearAndNewcomersJoinTheDefaultRooms() {
    Room general = rooms.lifecycle().create("owner", "General", RoomType.PUBLIC);
    rooms.lifecycle().create("owner", "secret", RoomType.PRIVATE);
    rooms
        .memberships()
        .joinDefaults("newbie", java.util.List.of("general", "secret", "no such room"));
    assertEquals(true, rooms.access().isMember("newbie", general.id()), "joined, any case");
    assertEquals(
        1, rooms.listings().roomsOf("newbie").size(), "never a private room, nothing missing");
    assertEquals(Notify.DEFAULT, rooms.memberships().notifyLevels("newbie").get(general.id()));
    rooms.memberships().setNotify("newbie", general.id(), Notify.NOTHING);
    assertEquals(Notify.NOTHING, rooms.memberships().notifyLevels("newbie").get(general.id()));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.memberships().setNotify("eve", general.id(), Notify.ALL)));
    assertEquals(DomainException.Kind.INVALID, refused(() -> Notify.of("loud")));
  }
}
