package io.parley.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.InMemoryUserDirectory;
import io.parley.users.AvatarStore;
import io.parley.users.UserClaims;
import io.parley.users.UserService;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The composer's commands, over the real room services. */
class SlashCommandsTest {

  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), Clock.systemUTC());
  private final UserService users =
      new UserService(
          new InMemoryUserDirectory(),
          new AvatarStore() {
            @Override
            public void save(String userId, io.parley.users.Avatar avatar) {}

            @Override
            public Optional<io.parley.users.Avatar> find(String userId) {
              return Optional.empty();
            }

            @Override
            public void delete(String userId) {}
          },
          Clock.systemUTC(),
          () -> "v");
  private final SlashCommands commands = new SlashCommands(rooms, users);
  private final Room room;

  SlashCommandsTest() {
    for (String who : new String[] {"owner", "ada", "bob"}) {
      users.signIn(new UserClaims(who, who, who + "@x", who, Set.of()));
    }
    room = rooms.lifecycle().create("owner", "general", RoomType.PUBLIC);
    rooms.memberships().join("ada", room.id());
  }

  @Test
  void plainTextAndDoubleSlashesAreMessages() {
    assertNull(commands.run("ada", room.id(), "hello /me"));
    assertEquals(
        new SlashCommands.Post("/etc/hosts is a file"),
        commands.run("ada", room.id(), "//etc/hosts is a file"));
  }

  @Test
  void meAndShrugBecomeMessages() {
    assertEquals(new SlashCommands.Post("*waves*"), commands.run("ada", room.id(), "/me waves"));
    assertEquals(
        new SlashCommands.Post("fine ¯\\\\\\_(ツ)\\_/¯"),
        commands.run("ada", room.id(), "/shrug fine"));
  }

  @Test
  void moderatorsSetTheTopicInviteAndMuteThroughTheRoomsOwnChecks() {
    assertTrue(
        commands.run("owner", room.id(), "/topic Release on Friday")
            instanceof SlashCommands.Notice);
    assertEquals("Release on Friday", rooms.access().visible("owner", room.id()).topic());

    assertEquals(
        new SlashCommands.Notice("Added @bob to the room."),
        commands.run("owner", room.id(), "/invite @bob"));
    assertTrue(rooms.access().standing("bob", room.id()).member());

    commands.run("owner", room.id(), "/mute @ada 10m");
    assertTrue(rooms.access().standing("ada", room.id()).muted());
    commands.run("owner", room.id(), "/unmute ada");
    assertFalse(rooms.access().standing("ada", room.id()).muted());

    var refused =
        assertThrows(DomainException.class, () -> commands.run("ada", room.id(), "/mute @bob"));
    assertEquals(DomainException.Kind.FORBIDDEN, refused.kind());
    var badLength =
        assertThrows(
            DomainException.class, () -> commands.run("owner", room.id(), "/mute @ada soon"));
    assertEquals(DomainException.Kind.INVALID, badLength.kind());
  }

  @Test
  void leaveAndHelp() {
    assertEquals(
        new SlashCommands.Notice("You left the room."), commands.run("ada", room.id(), "/leave"));
    assertFalse(rooms.access().standing("ada", room.id()).member());
    String help = ((SlashCommands.Notice) commands.run("ada", room.id(), "/nope")).text();
    assertTrue(help.startsWith("There is no /nope command. Commands: /me waves"), help);
    assertTrue(commands.run("ada", room.id(), "/") instanceof SlashCommands.Notice);
    String named = ((SlashCommands.Notice) commands.run("ada", room.id(), "/deploy-2 x")).text();
    assertTrue(
        named.startsWith("There is no /deploy-2 command."), "names may have digits: " + named);
  }
}
