package io.parley.messaging;

import static io.parley.testing.TestMessages.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.testing.InMemoryMessageStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecentMessagesTest {

  /** The in-memory store, counting the page reads that reach it. */
  private static final class CountingStore extends InMemoryMessageStore {
    final AtomicInteger pageReads = new AtomicInteger();
    Consumer<String> duringRead = room -> {};

    @Override
    public List<Message> before(String roomId, long beforeSeq, int limit) {
      pageReads.incrementAndGet();
      duringRead.accept(roomId);
      return super.before(roomId, beforeSeq, limit);
    }

    @Override
    public List<Message> after(String roomId, long afterSeq, int limit) {
      pageReads.incrementAndGet();
      return super.after(roomId, afterSeq, limit);
    }
  }

  private final CountingStore store = new CountingStore();
  private final RecentMessages recent = new RecentMessages(store, 10, 3);

  private static List<Long> seqs(List<Message> page) {
    return page.stream().map(Message::seq).toList();
  }

  @BeforeEach
  void aRoomOfTwentyFive() {
    for (long seq = 1; seq <= 25; seq++) {
      store.insert(message("r", seq));
    }
  }

  @Test
  void theFirstPageIsReadOnceThenServedFromMemory() {
    assertEquals(List.of(21L, 22L, 23L, 24L, 25L), seqs(recent.before("r", Long.MAX_VALUE, 5)));
    int afterLoad = store.pageReads.get();
    assertEquals(List.of(16L, 17L, 18L, 19L, 20L), seqs(recent.before("r", 21, 5)));
    assertEquals(List.of(24L, 25L), seqs(recent.after("r", 23, 50)));
    assertEquals(List.of(21L, 22L, 23L, 24L, 25L), seqs(recent.before("r", Long.MAX_VALUE, 5)));
    assertEquals(afterLoad, store.pageReads.get(), "no page read reached the store");
    assertEquals(List.of(1L, 2L, 3L), seqs(recent.before("r", 4, 5)), "older: the store");
    assertEquals(afterLoad + 1, store.pageReads.get());
  }

  @Test
  void newMessagesExtendTheTail() {
    recent.before("r", Long.MAX_VALUE, 5);
    int afterLoad = store.pageReads.get();
    Message mine = message("r", 26);
    recent.insert(mine); // on the sequencer's node, which hears of it like every node
    recent.seen(mine);
    Message other = message("r", 27);
    store.insert(other); // stored by another node, then announced
    recent.seen(other);
    recent.seen(other); // a repeat changes nothing
    assertEquals(List.of(25L, 26L, 27L), seqs(recent.after("r", 24, 50)));
    assertEquals(afterLoad, store.pageReads.get());
  }

  @Test
  void aMessageTheTopicLostIsFoundInTheStore() {
    recent.before("r", Long.MAX_VALUE, 5);
    store.insert(message("r", 26)); // never announced to this node
    assertEquals(List.of(26L), seqs(recent.after("r", 25, 50)));
    assertEquals(List.of(22L, 23L, 24L, 25L, 26L), seqs(recent.before("r", Long.MAX_VALUE, 5)));
  }

  @Test
  void aGapDropsTheTailAndTheNextReadIsRightAgain() {
    recent.before("r", Long.MAX_VALUE, 5);
    store.insert(message("r", 26));
    Message later = message("r", 27);
    store.insert(later);
    recent.seen(later); // 26 was never seen here
    assertEquals(List.of(25L, 26L, 27L), seqs(recent.after("r", 24, 50)));
  }

  @Test
  void aMessagePostedWhileTheTailLoadsIsKept() {
    store.duringRead =
        room -> {
          store.duringRead = r -> {};
          Message meanwhile = message("r", 26);
          store.insert(meanwhile);
          recent.seen(meanwhile);
        };
    recent.before("r", Long.MAX_VALUE, 5); // loads; 26 arrives mid-read
    int afterLoad = store.pageReads.get();
    assertEquals(List.of(24L, 25L, 26L), seqs(recent.after("r", 23, 50)));
    assertEquals(afterLoad, store.pageReads.get(), "26 was merged into the tail");
  }

  @Test
  void mentionsAreCountedFromMemory() {
    recent.before("r", Long.MAX_VALUE, 5);
    recent.insert(message("r", 26, "bob"));
    recent.insert(message("r", 27, "cy"));
    recent.insert(message("r", 28, "bob", "cy"));
    assertEquals(2, recent.countMentions("r", "bob", 20));
    assertEquals(1, recent.countMentions("r", "bob", 26));
    assertEquals(0, recent.countMentions("r", "bob", 28));
  }

  @Test
  void onlyTheMostRecentlyReadRoomsAreKept() {
    for (String room : List.of("a", "b", "c", "d", "e")) {
      store.insert(message(room, 1));
      recent.before(room, Long.MAX_VALUE, 5);
    }
    assertEquals(3, recent.roomsKept(), "the least recently read went first");
    int reads = store.pageReads.get();
    assertEquals(List.of(1L), seqs(recent.before("e", Long.MAX_VALUE, 5)));
    assertEquals(reads, store.pageReads.get(), "the newest room is still kept");
    assertEquals(List.of(1L), seqs(recent.before("a", Long.MAX_VALUE, 5)), "evicted: reloaded");
    assertEquals(reads + 1, store.pageReads.get());
  }

  @Test
  void emptyRoomsAndPagesPastTheEnd() {
    assertEquals(List.of(), recent.before("empty", Long.MAX_VALUE, 5));
    assertEquals(List.of(), recent.after("r", 25, 5));
    assertEquals(List.of(), recent.after("r", 99, 5));
  }

  @Test
  void aRoomWithTrafficStartsATailWithoutReadingTheStore() {
    Message next = message("r", 26);
    store.insert(next);
    recent.seen(next);
    int before = store.pageReads.get();
    assertEquals(List.of(26L), seqs(recent.after("r", 25, 50)), "the reconnect's catch-up");
    assertEquals(before, store.pageReads.get());
    assertEquals(
        List.of(22L, 23L, 24L, 25L, 26L),
        seqs(recent.before("r", Long.MAX_VALUE, 5)),
        "a first page longer than the tail grows it backwards, once");
    int afterBackfill = store.pageReads.get();
    assertEquals(List.of(22L, 23L, 24L, 25L, 26L), seqs(recent.before("r", Long.MAX_VALUE, 5)));
    assertEquals(afterBackfill, store.pageReads.get());
  }

  private static MessageChange change(Message after, long rev) {
    return new MessageChange(
        "r", rev, after.seq(), MessageChange.Kind.EDITED, "alice", java.time.Instant.EPOCH, after);
  }

  @Test
  void aChangedMessageIsServedInItsNewStateWithoutAnotherRead() {
    recent.before("r", Long.MAX_VALUE, 5);
    int reads = store.pageReads.get();
    Message edited =
        message("r", 24).edited("fixed", "<p>fixed</p>", List.of(), java.time.Instant.EPOCH);
    store.change(change(edited, 1), "e-1"); // as the sequencer does: the change log, then
    recent.seen(change(edited, 1)); // the history is told
    assertEquals("fixed", recent.before("r", Long.MAX_VALUE, 5).get(3).body());
    assertEquals("fixed", recent.bySeqs("r", List.of(24L)).get(0).body());
    assertEquals(reads, store.pageReads.get(), "still from memory");
    assertEquals("fixed", store.find("r", 24).orElseThrow().body(), "and in the store");
  }

  @Test
  void aChangeAnnouncedWhileATailLoadsDropsTheTail() {
    Message edited =
        message("r", 25).edited("late", "<p>late</p>", List.of(), java.time.Instant.EPOCH);
    store.duringRead =
        room -> {
          store.change(change(edited, 1), "e-1");
          recent.seen(change(edited, 1));
        };
    recent.before("r", Long.MAX_VALUE, 5); // loads, and the change lands meanwhile
    store.duringRead = room -> {};
    assertEquals("late", recent.before("r", Long.MAX_VALUE, 5).get(4).body(), "never stale");
  }
}
