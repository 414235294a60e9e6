package io.parley.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.mongo.MongoAvatarStore;
import io.parley.mongo.MongoOutgoingHookStore;
import io.parley.mongo.MongoUserDirectory;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.RecordingAuditLog;
import io.parley.testing.TestMessages;
import io.parley.testing.WebhookReceiver;
import io.parley.testing.WireStore;
import io.parley.users.UserClaims;
import io.parley.users.UserService;
import io.parley.web.HttpHookTransport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outgoing webhooks over the real hook and user stores (wire protocol, in memory), the real HTTP
 * transport and a real receiver on loopback: signed calls, retries with backoff, replies, triggers,
 * and a hanging receiver that never holds up a send.
 */
class OutgoingHooksTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);

  private final WireStore wire = new WireStore();
  private final InMemoryMessageStore messageStore = new InMemoryMessageStore();
  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), Clock.systemUTC());
  private final UserService users =
      new UserService(
          new MongoUserDirectory(wire.db()),
          new MongoAvatarStore(wire.db()),
          Clock.systemUTC(),
          () -> "v");
  private final MessageService messages = TestMessages.service(rooms, messageStore).build();
  private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
  private final MongoOutgoingHookStore store = new MongoOutgoingHookStore(wire.db());
  private final OutgoingHooks hooks =
      new OutgoingHooks(
          store,
          rooms,
          messages,
          users,
          new RecordingAuditLog(),
          Clock.systemUTC(),
          () -> UUID.randomUUID().toString(),
          new OutgoingHooks.Calls(
              new HttpHookTransport(),
              new UrlPolicy(Set.of(), Set.of("127.0.0.1")),
              FIRST_RETRY,
              Duration.ofSeconds(5)),
          workers);
  private final WebhookReceiver receiver;
  private final Room room;

  OutgoingHooksTest() throws Exception {
    receiver = WebhookReceiver.start();
    users.signIn(new UserClaims("owner", "owner", "o@x", "Olga Owner", Set.of()));
    users.signIn(new UserClaims("ada", "ada", "a@x", "Ada", Set.of()));
    room = rooms.lifecycle().create("owner", "support", RoomType.PUBLIC);
    rooms.memberships().join("ada", room.id());
    messages.onPosted(hooks::onPosted);
  }

  @AfterEach
  void stop() {
    receiver.close();
    workers.shutdownNow();
    wire.close();
  }

  private static JsonObject json(String body) {
    try (var r = Json.createReader(new StringReader(body))) {
      return r.readObject();
    }
  }

  @Test
  void eachMessageIsPostedSignedWithItsRoomSenderAndText() throws Exception {
    var issued = hooks.create("owner", room.id(), "Archiver", receiver.url("/in"), "");
    messages.send("ada", room.id(), "hello **world**", "a-1", java.util.Map.of());

    WebhookReceiver.Call call = receiver.next(WAIT);
    assertNotNull(call);
    assertTrue(WebhookReceiver.verifies(issued.secret(), call), "signed with the secret shown");
    assertFalse(WebhookReceiver.verifies("another secret", call));
    JsonObject event = json(call.body());
    assertEquals("message", event.getString("event"));
    assertEquals(issued.hook().id(), event.getString("hookId"));
    assertEquals(room.id(), event.getJsonObject("room").getString("id"));
    assertEquals("support", event.getJsonObject("room").getString("name"));
    assertEquals(1, event.getInt("seq"));
    assertEquals("ada", event.getJsonObject("sender").getString("username"));
    assertEquals("hello **world**", event.getString("text"));
    assertEquals(event.getString("deliveryId"), call.header("X-Parley-Delivery"));
    assertEquals("1", call.header("X-Parley-Attempt"));
    assertEquals("application/json", call.header("Content-Type"));
  }

  @Test
  void aFailingReceiverIsCalledAgainWithGrowingWaitsAndEveryAttemptIsLogged() throws Exception {
    receiver.answer(500, null).answer(503, null).answer(200, null);
    var issued = hooks.create("owner", room.id(), "Flaky", receiver.url("/flaky"), "");
    messages.send("ada", room.id(), "please deliver", "a-1", java.util.Map.of());

    WebhookReceiver.Call first = receiver.next(WAIT);
    WebhookReceiver.Call second = receiver.next(WAIT);
    WebhookReceiver.Call third = receiver.next(WAIT);
    assertNotNull(third, "called until it answered 200");
    assertEquals(
        List.of("1", "2", "3"),
        List.of(first, second, third).stream().map(c -> c.header("X-Parley-Attempt")).toList());
    assertEquals(first.body(), third.body(), "the same event each time");
    assertTrue(WebhookReceiver.verifies(issued.secret(), third), "signed afresh");
    Duration gap1 = WebhookReceiver.between(first, second);
    Duration gap2 = WebhookReceiver.between(second, third);
    assertTrue(gap1.compareTo(FIRST_RETRY) >= 0, "first wait " + gap1);
    assertTrue(gap2.compareTo(FIRST_RETRY.multipliedBy(2)) >= 0, "second wait doubled: " + gap2);
    assertNull(receiver.next(Duration.ofMillis(500)), "no call after the 200");

    List<HookDelivery> log = awaitDeliveries(issued.hook().id(), 3);
    assertEquals(List.of(200, 503, 500), log.stream().map(HookDelivery::status).toList());
    assertEquals("answered 500", log.get(2).error());
    assertTrue(log.get(0).succeeded());
  }

  @Test
  void aReceiverThatNeverRecoversIsGivenUpAfterFiveAttempts() throws Exception {
    for (int i = 0; i < 6; i++) {
      receiver.answer(500, null);
    }
    var issued = hooks.create("owner", room.id(), "Down", receiver.url("/down"), "");
    messages.send("ada", room.id(), "into the void", "a-1", java.util.Map.of());
    for (int i = 1; i <= HookDeliveries.MAX_ATTEMPTS; i++) {
      assertNotNull(receiver.next(WAIT), "attempt " + i);
    }
    assertNull(receiver.next(FIRST_RETRY.multipliedBy(40)), "then it stops");
    assertEquals(HookDeliveries.MAX_ATTEMPTS, awaitDeliveries(issued.hook().id(), 5).size());
    assertEquals(0, hooks.queued());
  }

  @Test
  void triggerWordsSelectMessagesAndAReplyIsPostedAsTheBotWithoutLooping() throws Exception {
    receiver.answer(200, "{\"text\":\"Ticket **#7** opened\"}");
    var issued = hooks.create("owner", room.id(), "Tickets", receiver.url("/t"), "!ticket, !bug");
    messages.send("ada", room.id(), "just chatting about a ticket", "a-1", java.util.Map.of());
    messages.send("ada", room.id(), "!Ticket printer on fire", "a-2", java.util.Map.of());

    WebhookReceiver.Call call = receiver.next(WAIT);
    assertEquals("!ticket", json(call.body()).getString("trigger"));
    assertEquals("!Ticket printer on fire", json(call.body()).getString("text"));
    Message reply = awaitMessage(3);
    assertEquals(issued.hook().botId(), reply.senderId());
    assertEquals("Ticket **#7** opened", reply.body());
    assertTrue(users.require(reply.senderId()).bot());
    assertNull(receiver.next(Duration.ofMillis(500)), "neither the chat nor the reply called it");
  }

  @Test
  void aHangingReceiverNeverHoldsUpSending() throws Exception {
    CountDownLatch release = receiver.hang();
    hooks.create("owner", room.id(), "Slow", receiver.url("/slow"), "");
    for (int i = 1; i <= 5; i++) {
      messages.send("ada", room.id(), "message " + i, "a-" + i, java.util.Map.of());
    }
    // All five were stored and acknowledged while the receiver still holds the first call.
    assertEquals(5, messages.lastSeq(room.id()));
    assertNotNull(receiver.next(WAIT));
    release.countDown();
    for (int i = 2; i <= 5; i++) {
      assertNotNull(receiver.next(WAIT), "call " + i + " after the receiver woke");
    }
  }

  @Test
  void hooksMayOnlyCallAllowedPublicAddressesAndOnlyModeratorsMakeThem() {
    var privateUrl =
        assertThrows(
            DomainException.class,
            () -> hooks.create("owner", room.id(), "Meta", "http://169.254.169.254/latest", ""));
    assertTrue(privateUrl.getMessage().contains("non-public"), privateUrl.getMessage());
    assertThrows(
        DomainException.class,
        () -> hooks.create("owner", room.id(), "Files", "file:///etc/passwd", ""));
    var member =
        assertThrows(
            DomainException.class,
            () -> hooks.create("ada", room.id(), "Mine", receiver.url("/x"), ""));
    assertEquals(DomainException.Kind.FORBIDDEN, member.kind());
    assertEquals(List.of(), hooks.inRoom("owner", room.id()));
  }

  @Test
  void aDeletedHookIsCalledNoMore() throws Exception {
    var issued = hooks.create("owner", room.id(), "Gone", receiver.url("/g"), "");
    hooks.delete("owner", issued.hook().id());
    messages.send("ada", room.id(), "anyone there?", "a-1", java.util.Map.of());
    assertNull(receiver.next(Duration.ofMillis(500)));
    assertTrue(users.require(issued.hook().botId()).disabled());
  }

  private List<HookDelivery> awaitDeliveries(String hookId, int count) throws InterruptedException {
    List<HookDelivery> log = List.of();
    for (int i = 0; i < 100 && log.size() < count; i++) {
      Thread.sleep(50);
      log = store.deliveries(hookId, 20);
    }
    return log;
  }

  private Message awaitMessage(long seq) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (messages.lastSeq(room.id()) >= seq) {
        return messageStore.bySeqs(room.id(), List.of(seq)).get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no message " + seq);
  }
}
