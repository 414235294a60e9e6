package io.parley.later;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.messaging.MessageService;
import io.parley.mongo.MongoReminderStore;
import io.parley.mongo.MongoSavedStore;
import io.parley.mongo.MongoScheduledStore;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.SettableClock;
import io.parley.testing.TestMessages;
import io.parley.testing.WireStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Saved messages, reminders and send later over the real stores (wire protocol, in memory) and the
 * ordinary send path, with a clock the test moves.
 */
class LaterTest {

  private final WireStore wire = new WireStore();
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-08T10:00:00Z"));
  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), clock);
  private final InMemoryMessageStore store = new InMemoryMessageStore();
  private final MessageService messages = TestMessages.service(rooms, store).build();
  private final AtomicInteger ids = new AtomicInteger();
  private final Room room = rooms.lifecycle().create("ada", "plans", RoomType.PRIVATE);
  private final SavedMessages saved =
      new SavedMessages(new MongoSavedStore(wire.db()), messages, clock);
  private final Reminders reminders =
      new Reminders(
          new MongoReminderStore(wire.db()), messages, clock, () -> "r" + ids.incrementAndGet());
  private final ScheduledMessages scheduled =
      new ScheduledMessages(
          new MongoScheduledStore(wire.db()),
          messages,
          rooms,
          clock,
          () -> "s" + ids.incrementAndGet());

  LaterTest() {
    rooms.memberships().addPerson("ada", room.id(), "bob");
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  private long post(String who, String text) {
    return messages.send(who, room.id(), text, "c" + ids.incrementAndGet(), null).message().seq();
  }

  @Test
  void savedMessagesArePrivateAndShowOnlyWhatThePersonMayStillRead() {
    long first = post("ada", "the plan");
    long second = post("ada", "the backup plan");
    saved.save("bob", room.id(), first);
    clock.advance(Duration.ofSeconds(1));
    saved.save("bob", room.id(), second);
    saved.save("bob", room.id(), second); // twice: still one entry
    assertEquals(
        List.of(second, first),
        saved.list("bob").stream().map(s -> s.message().seq()).toList(),
        "newest saved first");
    assertTrue(saved.isSaved("bob", room.id(), first));
    assertTrue(saved.list("ada").isEmpty(), "private to the person");
    assertThrows(
        DomainException.class,
        () -> saved.save("eve", room.id(), first),
        "nobody saves a message they cannot read");

    rooms.memberships().leave("bob", room.id());
    assertTrue(saved.list("bob").isEmpty(), "a room left drops out of the list");
    rooms.memberships().addPerson("ada", room.id(), "bob");
    assertEquals(2, saved.list("bob").size(), "and comes back with the person");

    saved.remove("bob", room.id(), first);
    assertFalse(saved.isSaved("bob", room.id(), first));
    assertEquals(1, saved.list("bob").size());
  }

  @Test
  void aReminderFiresOnceAtItsTimeAndStaysListedUntilDismissed() {
    long seq = post("ada", "review the budget");
    List<LaterNotice> told = new ArrayList<>();
    reminders.onFired(told::add);
    Reminder r = reminders.remind("bob", room.id(), seq, clock.instant().plusSeconds(20 * 60));
    assertEquals(0, reminders.fireDue(), "not yet");
    clock.advance(Duration.ofMinutes(20));
    assertEquals(1, reminders.fireDue());
    assertEquals(0, reminders.fireDue(), "once");
    assertEquals(
        List.of(new LaterNotice(LaterNotice.Kind.REMINDER, "bob", room.id(), seq, r.id())), told);
    assertTrue(reminders.list("bob").get(0).fired(), "listed as fired");

    assertThrows(DomainException.class, () -> reminders.cancel("ada", r.id()), "only its owner");
    reminders.cancel("bob", r.id());
    assertTrue(reminders.list("bob").isEmpty());
  }

  @Test
  void twoNodesFindingTheSameReminderDueFireItOnce() {
    long seq = post("ada", "standup");
    Reminders otherNode =
        new Reminders(new MongoReminderStore(wire.db()), messages, clock, () -> "x");
    AtomicInteger fired = new AtomicInteger();
    reminders.onFired(n -> fired.incrementAndGet());
    otherNode.onFired(n -> fired.incrementAndGet());
    for (int i = 0; i < 20; i++) {
      reminders.remind("bob", room.id(), seq, clock.instant().plusSeconds(60));
    }
    clock.advance(Duration.ofMinutes(2));
    Thread a = new Thread(reminders::fireDue);
    Thread b = new Thread(otherNode::fireDue);
    a.start();
    b.start();
    join(a);
    join(b);
    assertEquals(20, fired.get(), "each of the 20 fired exactly once");
  }

  @Test
  void remindersRefuseThePastFarFutureAndUnreadableMessages() {
    long seq = post("ada", "x");
    Instant now = clock.instant();
    assertThrows(DomainException.class, () -> reminders.remind("bob", room.id(), seq, now));
    assertThrows(
        DomainException.class,
        () -> reminders.remind("bob", room.id(), seq, now.plus(Duration.ofDays(400))));
    assertThrows(
        DomainException.class, () -> reminders.remind("eve", room.id(), seq, now.plusSeconds(60)));
    assertThrows(
        DomainException.class,
        () -> reminders.remind("bob", room.id(), 999, now.plusSeconds(60)),
        "no such message");
  }

  @Test
  void aScheduledMessageIsSentOnceAtItsTimeInOrder() {
    post("ada", "before");
    ScheduledMessage m =
        scheduled.schedule("bob", room.id(), 0, "good morning", clock.instant().plusSeconds(3600));
    scheduled.edit("bob", m.id(), "good morning, all", m.sendAt());
    assertEquals(0, scheduled.sendDue());
    post("ada", "meanwhile");
    clock.advance(Duration.ofHours(1));
    assertEquals(1, scheduled.sendDue());
    assertEquals(0, scheduled.sendDue(), "once");
    var last = messages.message("ada", room.id(), 3);
    assertEquals("good morning, all", last.body());
    assertEquals("bob", last.senderId());
    assertEquals("true", last.metadata().get("scheduled"));
    assertTrue(scheduled.list("bob").isEmpty(), "gone once sent");
  }

  @Test
  void aSendRetriedAfterANodeDiedMidwayIsStoredOnce() {
    ScheduledMessage m =
        scheduled.schedule("bob", room.id(), 0, "only once", clock.instant().plusSeconds(60));
    clock.advance(Duration.ofMinutes(2));
    // A node posted it and died before removing the entry: the next pass sends it again.
    messages.post(
        "bob",
        new io.parley.messaging.NewMessage(
            room.id(), "bob", "only once", "text/plain", m.clientMsgId(), null));
    scheduled.sendDue();
    assertEquals(1, messages.lastSeq(room.id()), "the retry was a duplicate, not a second copy");
    assertTrue(scheduled.list("bob").isEmpty());
  }

  @Test
  void aPersonRemovedBeforeTheTimeSendsNothingAndIsTold() {
    ScheduledMessage m =
        scheduled.schedule("bob", room.id(), 0, "surprise", clock.instant().plusSeconds(60));
    List<ScheduledMessages.Outcome> outcomes = new ArrayList<>();
    scheduled.onDone(outcomes::add);
    rooms.memberships().leave("bob", room.id());
    clock.advance(Duration.ofMinutes(2));
    assertEquals(0, scheduled.sendDue());
    assertEquals(0, messages.lastSeq(room.id()), "nothing was sent");
    assertEquals(1, outcomes.size());
    ScheduledMessage failed = scheduled.list("bob").get(0);
    assertEquals(m.id(), failed.id());
    assertTrue(failed.failure() != null, "kept, saying why");
    assertEquals(0, scheduled.sendDue(), "and not tried again");
    scheduled.cancel("bob", m.id());
    assertTrue(scheduled.list("bob").isEmpty());
  }

  @Test
  void schedulingChecksRightsTextAndTime() {
    Instant soon = clock.instant().plusSeconds(60);
    assertThrows(DomainException.class, () -> scheduled.schedule("eve", room.id(), 0, "x", soon));
    assertThrows(DomainException.class, () -> scheduled.schedule("bob", room.id(), 0, " ", soon));
    assertThrows(
        DomainException.class,
        () -> scheduled.schedule("bob", room.id(), 0, "x", clock.instant().minusSeconds(1)));
    ScheduledMessage m = scheduled.schedule("bob", room.id(), 0, "x", soon);
    assertThrows(DomainException.class, () -> scheduled.edit("ada", m.id(), "y", soon));
    assertThrows(DomainException.class, () -> scheduled.cancel("ada", m.id()));
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
