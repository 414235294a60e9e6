package io.parley.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.InMemoryMessageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RoomSequencerTest {

  private final InMemoryMessageStore store = new InMemoryMessageStore();
  private final List<MessageChange> changes = Collections.synchronizedList(new ArrayList<>());
  private final List<Message> announced = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger ids = new AtomicInteger();
  private final Clock clock =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05.678901Z"), ZoneOffset.UTC);
  private final RoomSequencer sequencer =
      new RoomSequencer(
          MessageStores.of(store),
          e -> {
            if (e instanceof Message m) {
              announced.add(m);
            } else {
              changes.add((MessageChange) e);
            }
          },
          clock,
          () -> "id-" + ids.incrementAndGet());

  private static NewMessage draft(String room, String sender, String clientMsgId) {
    return new NewMessage(room, sender, "hello", null, clientMsgId, Map.of());
  }

  @Test
  void numbersMessagesFromOneAndAnnouncesThemAfterStoring() {
    SendResult first = sequencer.append(draft("r", "alice", "c1"));
    SendResult second = sequencer.append(draft("r", "bob", "c1"));
    assertEquals(1, first.message().seq());
    assertEquals(2, second.message().seq());
    assertFalse(first.duplicate());
    assertEquals(List.of(first.message(), second.message()), announced);
    assertEquals(2, store.inRoom("r").size());
  }

  @Test
  void keepsASeparateOrderPerRoom() {
    sequencer.append(draft("r1", "alice", "a"));
    sequencer.append(draft("r1", "alice", "b"));
    assertEquals(1, sequencer.append(draft("r2", "alice", "a")).message().seq());
  }

  @Test
  void aRetryReturnsTheOriginalAndAnnouncesItAgain() {
    SendResult original = sequencer.append(draft("r", "alice", "same"));
    SendResult retry = sequencer.append(draft("r", "alice", "same"));
    assertTrue(retry.duplicate());
    assertEquals(original.message(), retry.message());
    assertEquals(
        List.of(original.message(), original.message()), announced, "same seq, receivers drop it");
    assertEquals(1, store.inRoom("r").size());
  }

  @Test
  void timestampsAreStoredToTheMillisecond() {
    Message m = sequencer.append(draft("r", "alice", "t")).message();
    assertEquals(Instant.parse("2026-01-02T03:04:05.678Z"), m.createdAt());
  }

  @Test
  void continuesAfterTheHighestStoredSeqWhenAnotherWriterWasFirst() {
    // Another node stored seq 1..3 before this sequencer took the room over.
    for (int i = 1; i <= 3; i++) {
      store.insert(draft("r", "other", "o" + i).place("o" + i, i, clock.instant()));
    }
    assertEquals(4, sequencer.append(draft("r", "alice", "a")).message().seq());
    // ... and once more after this sequencer's cached counter went stale.
    store.insert(draft("r", "other", "o5").place("o5", 5, clock.instant()));
    assertEquals(6, sequencer.append(draft("r", "alice", "b")).message().seq());
    assertEquals(
        List.of(1L, 2L, 3L, 4L, 5L, 6L),
        store.inRoom("r").stream().map(Message::seq).sorted().toList());
  }

  @Test
  void forgettingARoomReloadsItsCounter() {
    sequencer.append(draft("r", "alice", "a"));
    sequencer.forget("r");
    assertEquals(2, sequencer.append(draft("r", "alice", "b")).message().seq());
  }

  @Test
  void givesUpWhenTheStoreKeepsRefusing() {
    InMemoryMessageStore refusing =
        new InMemoryMessageStore() {
          @Override
          public void insert(Message m) {
            throw new DuplicateMessageException("always", null);
          }
        };
    RoomSequencer stuck =
        new RoomSequencer(
            MessageStores.of(refusing),
            e -> {
              if (e instanceof Message m) {
                announced.add(m);
              } else {
                changes.add((MessageChange) e);
              }
            },
            clock,
            () -> "x");
    assertThrows(IllegalStateException.class, () -> stuck.append(draft("r", "alice", "a")));
    assertTrue(announced.isEmpty());
  }

  @Test
  void concurrentSendersGetGapFreeUniqueNumbers() throws Exception {
    int threads = 8;
    int each = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int sender = t;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  sequencer.append(draft("busy", "s" + sender, "m" + i));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    List<Long> seqs = store.inRoom("busy").stream().map(Message::seq).sorted().toList();
    assertEquals(threads * each, seqs.size());
    for (int i = 0; i < seqs.size(); i++) {
      assertEquals(i + 1, seqs.get(i));
    }
    List<Long> announcedSeqs = announced.stream().map(Message::seq).toList();
    assertEquals(seqs, announcedSeqs, "announced in seq order");
  }

  @Test
  void sendResultCarriesTheStoredMessage() {
    SendResult r = sequencer.append(draft("r", "alice", "c"));
    assertSame(r.message(), announced.get(0));
  }

  private ChangeRequest react(String actor, String clientChangeId) {
    return new ChangeRequest(
        "r",
        1,
        actor,
        clientChangeId,
        MessageChange.Kind.REACTED,
        null,
        null,
        null,
        "👍",
        null,
        false);
  }

  @Test
  void changesGetTheRoomsNextRevAndARetryChangesNothing() {
    sequencer.append(draft("r", "alice", "c1"));
    ChangeResult first = sequencer.change(react("bob", "x1"));
    ChangeResult second = sequencer.change(react("eve", "x2"));
    assertEquals(1, first.change().rev());
    assertEquals(2, second.change().rev());
    assertEquals(List.of("bob", "eve"), store.inRoom("r").get(0).reactions().get("👍"));
    ChangeResult retried = sequencer.change(react("bob", "x1"));
    assertTrue(retried.duplicate());
    assertEquals(
        List.of("bob", "eve"), retried.message().reactions().get("👍"), "not toggled back");
    assertEquals(List.of(1L, 2L), changes.stream().map(MessageChange::rev).toList());
    assertEquals(2, store.lastRev("r"));
  }

  @Test
  void aReplyIsARoomMessageAndChangesItsParentsSummary() {
    sequencer.append(draft("r", "alice", "c1"));
    SendResult reply = sequencer.append(draft("r", "bob", "c2").replyingTo(1, false));
    assertEquals(2, reply.message().seq());
    assertFalse(reply.message().inTimeline());
    MessageChange summary = changes.get(0);
    assertEquals(MessageChange.Kind.REPLIED, summary.kind());
    assertEquals(List.of(2L), summary.after().thread().replySeqs());
    assertEquals(List.of("alice", "bob"), summary.after().thread().participants());
    assertEquals(List.of(announced.get(1)), List.of(reply.message()), "the reply is announced");
    assertThrows(
        io.parley.common.DomainException.class,
        () -> sequencer.append(draft("r", "eve", "c3").replyingTo(2, false)),
        "a reply does not start a thread");
    assertThrows(
        io.parley.common.DomainException.class,
        () -> sequencer.append(draft("r", "eve", "c4").replyingTo(9, false)));
    sequencer.append(draft("r", "bob", "c2").replyingTo(1, false));
    assertEquals(1, changes.size(), "a retried reply does not count twice");
  }

  @Test
  void anEditKeepsTheEarlierTextUntilTheMessageIsDeleted() {
    sequencer.append(draft("r", "alice", "c1"));
    sequencer.change(
        new ChangeRequest(
            "r",
            1,
            "alice",
            "e1",
            MessageChange.Kind.EDITED,
            "second",
            "<p>second</p>",
            null,
            null,
            null,
            false));
    sequencer.change(
        new ChangeRequest(
            "r",
            1,
            "alice",
            "e2",
            MessageChange.Kind.EDITED,
            "third",
            "<p>third</p>",
            null,
            null,
            null,
            false));
    assertEquals(
        List.of("hello", "second"),
        store.edits("r", 1).stream().map(MessageEdit::previousBody).toList());
    sequencer.change(ChangeRequest.deletion("r", 1, "alice", "d1"));
    assertTrue(store.edits("r", 1).isEmpty(), "a deleted message's text is gone everywhere");
    assertEquals("", store.inRoom("r").get(0).body());
  }
}
