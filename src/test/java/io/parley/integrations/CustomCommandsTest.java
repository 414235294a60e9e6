package io.parley.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.mongo.MongoAvatarStore;
import io.parley.mongo.MongoCommandStore;
import io.parley.mongo.MongoUserDirectory;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.RecordingAuditLog;
import io.parley.testing.TestRoles;
import io.parley.testing.WebhookReceiver;
import io.parley.testing.WireStore;
import io.parley.users.UserClaims;
import io.parley.users.UserService;
import io.parley.web.HttpHookTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Custom commands: a real receiver on loopback answers; its text is the caller's notice. */
class CustomCommandsTest {

  private final WireStore wire = new WireStore();
  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), Clock.systemUTC());
  private final UserService users =
      new UserService(
          new MongoUserDirectory(wire.db()),
          new MongoAvatarStore(wire.db()),
          Clock.systemUTC(),
          () -> "v");
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final CustomCommands custom =
      new CustomCommands(
          new MongoCommandStore(wire.db()),
          rooms,
          users,
          new RecordingAuditLog(),
          Clock.systemUTC(),
          new OutgoingHooks.Calls(
              new HttpHookTransport(),
              new UrlPolicy(Set.of(), Set.of("127.0.0.1")),
              Duration.ofMillis(100),
              Duration.ofSeconds(5)),
          workers);
  private final SlashCommands commands = new SlashCommands(rooms, users, custom);
  private final WebhookReceiver receiver;
  private final Room room;

  CustomCommandsTest() throws Exception {
    receiver = WebhookReceiver.start();
    TestRoles.give(users, Set.of("root"), Set.of());
    users.signIn(new UserClaims("root", "root", "r@x", "Root", Set.of()));
    users.signIn(new UserClaims("ada", "ada", "a@x", "Ada L", Set.of()));
    room = rooms.lifecycle().create("root", "ops", RoomType.PUBLIC);
    rooms.memberships().join("ada", room.id());
  }

  @AfterEach
  void stop() {
    receiver.close();
    workers.shutdownNow();
    wire.close();
  }

  private String answer(String text) {
    var outcome = commands.run("ada", room.id(), text);
    assertTrue(outcome instanceof SlashCommands.Pending, String.valueOf(outcome));
    return ((SlashCommands.Pending) outcome).answer().join().text();
  }

  @Test
  void theReceiversTextIsShownToTheCallerAndTheCallIsSigned() throws Exception {
    var issued = custom.create("root", "/Deploy", "deploy a branch", receiver.url("/deploy"));
    assertEquals("deploy", issued.command().name());
    receiver.answer(200, "{\"text\":\"Deploying staging…\"}");
    assertEquals("Deploying staging…", answer("/deploy staging"));
    WebhookReceiver.Call call = receiver.next(Duration.ofSeconds(5));
    assertTrue(WebhookReceiver.verifies(issued.secret(), call));
    assertTrue(call.body().contains("\"command\":\"/deploy\""), call.body());
    assertTrue(call.body().contains("\"text\":\"staging\""), call.body());
    assertTrue(call.body().contains("\"username\":\"ada\""), call.body());
    assertTrue(
        commands.available().stream().anyMatch(c -> c.name().equals("deploy")),
        "suggested in the composer");
  }

  @Test
  void failuresAndSilenceAreToldPolitelyAndNonMembersAreRefused() {
    custom.create("root", "status", "service status", receiver.url("/status"));
    receiver.answer(500, null);
    assertEquals("/status failed (500).", answer("/status"));
    CountDownLatch release = receiver.hang();
    assertEquals("/status did not answer in time; try again later.", answer("/status"));
    release.countDown();
    assertThrows(DomainException.class, () -> commands.run("root2", room.id(), "/status"));
  }

  @Test
  void onlyAdministratorsAddCommandsNeverOverBuiltInsOrToPrivateAddresses() {
    assertThrows(DomainException.class, () -> custom.create("ada", "x1", "x", receiver.url("/")));
    assertThrows(DomainException.class, () -> custom.create("root", "me", "x", receiver.url("/")));
    assertThrows(
        DomainException.class,
        () -> custom.create("root", "meta", "x", "http://169.254.169.254/latest"));
  }
}
