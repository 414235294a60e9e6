package io.parley.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.common.DomainException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.messaging.MessageStores;
import io.parley.messaging.RoomSequencer;
import io.parley.mongo.MongoAvatarStore;
import io.parley.mongo.MongoGroupStore;
import io.parley.mongo.MongoUserDirectory;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.RecordingAuditLog;
import io.parley.testing.TestRoles;
import io.parley.testing.WireStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Groups and their @mentions, over the real user and group stores (wire protocol, in memory). */
class UserGroupsTest {

  private final WireStore wire = new WireStore();
  private final MongoUserDirectory directory = new MongoUserDirectory(wire.db());
  private final UserService users =
      new UserService(directory, new MongoAvatarStore(wire.db()), Clock.systemUTC(), () -> "v");
  private final UserGroups groups =
      new UserGroups(
          new MongoGroupStore(wire.db()),
          directory,
          users,
          new RecordingAuditLog(),
          Clock.systemUTC());
  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), Clock.systemUTC());
  private final InMemoryMessageStore store = new InMemoryMessageStore();
  private final MessageService messages =
      MessageService.builder(
              rooms,
              new RoomSequencer(
                  MessageStores.of(store),
                  e -> {},
                  Clock.systemUTC(),
                  () -> UUID.randomUUID().toString()),
              MessageStores.of(store),
              ids ->
                  users.byIds(ids).values().stream()
                      .collect(Collectors.toMap(User::id, User::username)))
          .groups(groups::members)
          .build();

  UserGroupsTest() {
    TestRoles.give(users, Set.of("root"), Set.of("mod"));
    users.signIn(new UserClaims("root", "root", "r@x", "Root", Set.of()));
    users.signIn(new UserClaims("mod", "mod", "m@x", "Mod", Set.of()));
    users.signIn(new UserClaims("ada", "ada", "a@x", "Ada", Set.of("idp-sre")));
    users.signIn(new UserClaims("bob", "bob", "b@x", "Bob", Set.of("idp-sre")));
    users.signIn(new UserClaims("cy", "cy", "c@x", "Cy", Set.of()));
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  @Test
  void mentioningAGroupNotifiesItsMembersWhoAreInTheRoom() {
    groups.create("mod", "design", "Design team", null);
    groups.setMember("mod", "design", "ada", true);
    groups.setMember("mod", "design", "cy", true);
    groups.create("root", "sre", "Site reliability", "idp-sre");
    Room room = rooms.lifecycle().create("root", "general", RoomType.PUBLIC);
    for (String who : List.of("ada", "bob", "cy")) {
      rooms.memberships().join(who, room.id());
    }
    rooms.memberships().leave("cy", room.id());

    Message m =
        messages
            .send("root", room.id(), "@design and @SRE: release at 5", "r-1", Map.of())
            .message();
    assertEquals(List.of("ada", "bob"), m.mentions(), "cy is not in the room");
    Message plain = messages.send("root", room.id(), "@nobody hello", "r-2", Map.of()).message();
    assertEquals(List.of(), plain.mentions());
    assertEquals(
        List.of("@design", "@sre"), groups.of("ada").stream().map(g -> "@" + g.handle()).toList());
  }

  @Test
  void onlyAdministratorsAndGlobalModeratorsManageGroupsAndHandlesAreChecked() {
    var member =
        assertThrows(DomainException.class, () -> groups.create("ada", "mine", "Mine", null));
    assertEquals(DomainException.Kind.FORBIDDEN, member.kind());
    assertThrows(
        DomainException.class,
        () -> groups.create("mod", "sre", "SRE", "idp-sre"),
        "mapping IdP groups is for administrators");
    assertThrows(DomainException.class, () -> groups.create("root", "room", "x", null));
    assertThrows(
        DomainException.class, () -> groups.create("root", "ada", "x", null), "a username");
    assertThrows(DomainException.class, () -> groups.create("root", "a b", "x", null));
    groups.create("root", "ops", "Ops", null);
    assertEquals(
        DomainException.Kind.CONFLICT,
        assertThrows(DomainException.class, () -> groups.create("mod", "OPS", "again", null))
            .kind());
    assertThrows(DomainException.class, () -> groups.setMember("ada", "ops", "bob", true));
    groups.create("root", "sre", "SRE", "idp-sre");
    assertThrows(
        DomainException.class,
        () -> groups.setMember("root", "sre", "cy", true),
        "a mapped group follows the IdP");
    groups.delete("mod", "ops");
    assertEquals(List.of("sre"), groups.all().stream().map(UserGroup::handle).toList());
  }
}
