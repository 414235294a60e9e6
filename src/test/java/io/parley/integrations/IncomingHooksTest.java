package io.parley.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.messaging.SendResult;
import io.parley.mongo.MongoAvatarStore;
import io.parley.mongo.MongoHookStore;
import io.parley.mongo.MongoUserDirectory;
import io.parley.rooms.Moderation;
import io.parley.rooms.Room;
import io.parley.rooms.RoomMode;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.RecordingAuditLog;
import io.parley.testing.TestMessages;
import io.parley.testing.TestRoles;
import io.parley.testing.WireStore;
import io.parley.users.User;
import io.parley.users.UserClaims;
import io.parley.users.UserService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Incoming webhooks from making to deleting, over the real user and hook stores (wire protocol, in
 * memory) and the ordinary send path.
 */
class IncomingHooksTest {

  private final WireStore wire = new WireStore();
  private final InMemoryMessageStore messageStore = new InMemoryMessageStore();
  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), Clock.systemUTC());
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final UserService users =
      new UserService(
          new MongoUserDirectory(wire.db()),
          new MongoAvatarStore(wire.db()),
          Clock.systemUTC(),
          () -> "v");
  private final AtomicInteger sends = new AtomicInteger();
  private final MessageService messages =
      TestMessages.service(rooms, messageStore)
          .limit((userId, roomId) -> sends.incrementAndGet() > 3 ? 7 : 0)
          .build();
  private final AtomicInteger ids = new AtomicInteger();
  private final IncomingHooks hooks =
      new IncomingHooks(
          new MongoHookStore(wire.db()),
          rooms,
          messages,
          users,
          audit,
          Clock.systemUTC(),
          () -> "h" + ids.incrementAndGet());
  private final Room room = rooms.lifecycle().create("owner", "deploys", RoomType.PUBLIC);

  IncomingHooksTest() {
    TestRoles.give(users, Set.of("root"), Set.of());
    rooms.memberships().join("ada", room.id());
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  @Test
  void aModeratorsHookPostsAsAMarkedBotThatIsAMemberOfTheRoom() {
    var issued = hooks.create("owner", room.id(), "CI builds");
    IncomingHook hook = issued.hook();
    assertTrue(hook.botId().startsWith("hook:"));
    assertNotEquals(issued.secret(), hook.secretHash(), "only the hash is kept");
    User bot = users.require(hook.botId());
    assertTrue(bot.bot());
    assertEquals("ci-builds-bot", bot.username());
    assertEquals("CI builds", bot.displayName());
    assertEquals(bot.id(), rooms.access().requireMember(bot.id(), room.id()).userId());

    SendResult sent =
        hooks.post(
            hook.id(), issued.secret(), new HookPost("Build 42 passed", "Jenkins", null), null);
    Message m = sent.message();
    assertEquals(room.id(), m.roomId());
    assertEquals(bot.id(), m.senderId());
    assertEquals("Build 42 passed", m.body());
    assertEquals(Map.of("hook", hook.id(), "as", "Jenkins"), m.metadata());
    var made = audit.entries().get(0);
    assertEquals("hook.created", made.action());
    assertEquals("owner", made.actorId());
    assertEquals(bot.id(), made.targetId());
    assertEquals(Map.of("hook", hook.id(), "name", "CI builds"), made.detail());
  }

  @Test
  void anUnknownHookAndAWrongSecretAreTheSameNotFound() {
    var issued = hooks.create("owner", room.id(), "Alerts");
    HookPost post = new HookPost("disk full", null, null);
    var wrong =
        assertThrows(
            DomainException.class, () -> hooks.post(issued.hook().id(), "guess", post, null));
    var unknown =
        assertThrows(DomainException.class, () -> hooks.post("nope", issued.secret(), post, null));
    var missing =
        assertThrows(DomainException.class, () -> hooks.post(issued.hook().id(), null, post, null));
    for (DomainException e : List.of(wrong, unknown, missing)) {
      assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
      assertEquals("no such webhook", e.getMessage());
    }
    assertEquals(0, messages.lastSeq(room.id()));
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyStoresOnce() {
    var issued = hooks.create("owner", room.id(), "Deploys");
    HookPost post = new HookPost("deployed v3", null, null);
    SendResult first = hooks.post(issued.hook().id(), issued.secret(), post, "deploy-v3");
    SendResult again = hooks.post(issued.hook().id(), issued.secret(), post, "deploy-v3");
    assertFalse(first.duplicate());
    assertTrue(again.duplicate());
    assertEquals(first.message().seq(), again.message().seq());
    assertEquals(1, messages.lastSeq(room.id()));
  }

  @Test
  void rotatingTheSecretRetiresTheOldURL() {
    var issued = hooks.create("owner", room.id(), "Monitor");
    var rotated = hooks.rotate("owner", issued.hook().id());
    HookPost post = new HookPost("up", null, null);
    assertThrows(
        DomainException.class, () -> hooks.post(issued.hook().id(), issued.secret(), post, null));
    assertEquals(1, hooks.post(issued.hook().id(), rotated.secret(), post, null).message().seq());
    assertEquals("hook.secret-rotated", audit.entries().get(audit.entries().size() - 1).action());
  }

  @Test
  void onlyTheRoomsModeratorsManageItsHooksAndAdministratorsSeeAll() {
    var forbidden =
        assertThrows(DomainException.class, () -> hooks.create("ada", room.id(), "Mine"));
    assertEquals(DomainException.Kind.FORBIDDEN, forbidden.kind());
    Room secret = rooms.lifecycle().create("owner", "secret", RoomType.PRIVATE);
    var hidden =
        assertThrows(DomainException.class, () -> hooks.create("ada", secret.id(), "Peek"));
    assertEquals(DomainException.Kind.NOT_FOUND, hidden.kind());

    rooms.moderation().moderate("owner", room.id(), "ada", Moderation.PROMOTE);
    var issued = hooks.create("ada", room.id(), "Mine");
    assertEquals(List.of(issued.hook()), hooks.inRoom("owner", room.id()));
    assertThrows(DomainException.class, () -> hooks.all("ada"));
    assertEquals(List.of(issued.hook()), hooks.all("root"));
    assertThrows(DomainException.class, () -> hooks.rotate("stranger", issued.hook().id()));
  }

  @Test
  void aDeletedHookPostsNoMoreAndItsBotLeavesButKeepsItsName() {
    var issued = hooks.create("owner", room.id(), "Tickets");
    hooks.post(issued.hook().id(), issued.secret(), new HookPost("ticket 1", null, null), null);
    hooks.delete("owner", issued.hook().id());
    var gone =
        assertThrows(
            DomainException.class,
            () ->
                hooks.post(
                    issued.hook().id(),
                    issued.secret(),
                    new HookPost("ticket 2", null, null),
                    null));
    assertEquals(DomainException.Kind.NOT_FOUND, gone.kind());
    assertFalse(rooms.access().standing(issued.hook().botId(), room.id()).member());
    User bot = users.require(issued.hook().botId());
    assertEquals("Tickets", bot.displayName());
    assertTrue(bot.disabled());
    assertEquals("hook.deleted", audit.entries().get(audit.entries().size() - 1).action());
  }

  @Test
  void theHookFollowsTheRoomsRules() {
    var issued = hooks.create("owner", room.id(), "Noisy");
    String id = issued.hook().id();
    rooms.settings().setMode("owner", room.id(), RoomMode.READ_ONLY);
    var readOnly =
        assertThrows(
            DomainException.class,
            () -> hooks.post(id, issued.secret(), new HookPost("hi", null, null), null));
    assertTrue(readOnly.getMessage().contains("only moderators post"));
    rooms.settings().setMode("owner", room.id(), RoomMode.OPEN);
    for (int i = 0; i < 3; i++) {
      hooks.post(id, issued.secret(), new HookPost("ping " + i, null, null), null);
    }
    var limited =
        assertThrows(
            DomainException.class,
            () -> hooks.post(id, issued.secret(), new HookPost("one too many", null, null), null));
    assertEquals(DomainException.Kind.RATE_LIMITED, limited.kind());
    assertEquals(7, limited.retryAfterSeconds());
  }

  @Test
  void aBotAccountCannotBeSignedIntoAndHooksStayOutOfConversations() {
    var issued = hooks.create("owner", room.id(), "Bot");
    var refused =
        assertThrows(
            DomainException.class,
            () ->
                users.signIn(
                    new UserClaims(issued.hook().botId(), "evil", "e@x", "Evil", Set.of())));
    assertEquals(DomainException.Kind.FORBIDDEN, refused.kind());
    users.signIn(new UserClaims("bob", "bob", "bob@x", "Bob", Set.of()));
    users.signIn(new UserClaims("owner", "owner", "o@x", "Owner", Set.of()));
    Room dm = rooms.lifecycle().openDirect("owner", List.of("bob"));
    assertThrows(DomainException.class, () -> hooks.create("owner", dm.id(), "Sneaky"));
    assertEquals("webhook-bot", IncomingHooks.handle("!!!"));
    var twin = hooks.create("owner", room.id(), "Bot");
    assertEquals(
        "bot-bot-2", users.require(twin.hook().botId()).username(), "usernames stay unique");
  }
}
