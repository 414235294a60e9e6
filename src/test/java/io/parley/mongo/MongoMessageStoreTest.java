package io.parley.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import io.parley.messaging.Attachment;
import io.parley.messaging.DuplicateMessageException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import io.parley.testing.WholeMessageStore;
import io.parley.testing.WireStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The message store against a real MongoDB-wire server (the embedded one), over a socket. */
class MongoMessageStoreTest {

  private WireStore store;
  private MongoDatabase db;

  @BeforeEach
  void start() {
    store = new WireStore();
    db = store.db();
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private static Message message(String room, long seq, List<String> mentions) {
    return new Message(
        UUID.randomUUID().toString(),
        room,
        seq,
        "u-1",
        "body " + seq,
        "text/plain",
        Instant.parse("2026-11-29T12:00:00Z").plusSeconds(seq),
        null,
        false,
        "c-" + seq,
        Map.of(),
        mentions);
  }

  private void fill(WholeMessageStore store, String room, long count) {
    for (long seq = 1; seq <= count; seq++) {
      store.insert(message(room, seq, seq % 10 == 0 ? List.of("u-2") : List.of()));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 63, 64, 65, 128, 1000, 4097})
  void aFreshNodeFindsTheLastSeqOfAnyRoomByProbingKeys(long count) {
    fill(WholeMessageStore.of(MongoMessageStores.open(db)), "r", count);
    fill(WholeMessageStore.of(MongoMessageStores.open(db)), "other", 5);
    assertEquals(
        count,
        WholeMessageStore.of(MongoMessageStores.open(db)).lastSeq("r"),
        "a node that has seen nothing");
  }

  @Test
  void aNodeThatKnowsAnOlderLastSeqFindsTheNewerOnesOtherNodesStored() {
    WholeMessageStore here = WholeMessageStore.of(MongoMessageStores.open(db));
    WholeMessageStore there = WholeMessageStore.of(MongoMessageStores.open(db));
    fill(here, "r", 10);
    assertEquals(10, here.lastSeq("r"));
    for (long seq = 11; seq <= 300; seq++) {
      there.insert(message("r", seq, List.of()));
    }
    assertEquals(300, here.lastSeq("r"));
  }

  @Test
  void historyPagesAreExactRangesInSeqOrder() {
    WholeMessageStore store = WholeMessageStore.of(MongoMessageStores.open(db));
    fill(store, "r", 120);
    List<Message> newest = store.before("r", Long.MAX_VALUE, 50);
    assertEquals(71, newest.get(0).seq());
    assertEquals(120, newest.get(49).seq());
    List<Message> older = store.before("r", 71, 50);
    assertEquals(21, older.get(0).seq());
    assertEquals(70, older.get(49).seq());
    assertEquals(20, store.before("r", 21, 50).size());
    assertTrue(store.before("r", 1, 50).isEmpty());
    List<Message> after = store.after("r", 100, 50);
    assertEquals(20, after.size());
    assertEquals(101, after.get(0).seq());
    assertTrue(store.after("r", 120, 50).isEmpty());
    assertEquals("body 77", store.after("r", 76, 1).get(0).body());
  }

  @Test
  void mentionsAreCountedAboveTheReadMark() {
    WholeMessageStore store = WholeMessageStore.of(MongoMessageStores.open(db));
    fill(store, "r", 100);
    assertEquals(10, store.countMentions("r", "u-2", 0));
    assertEquals(3, store.countMentions("r", "u-2", 70));
    assertEquals(0, store.countMentions("r", "u-3", 0));
  }

  @Test
  void aSecondCopyOfASeqOrAClientIdIsADuplicate() {
    WholeMessageStore store = WholeMessageStore.of(MongoMessageStores.open(db));
    store.insert(message("r", 1, List.of()));
    assertThrows(DuplicateMessageException.class, () -> store.insert(message("r", 1, List.of())));
    Message sameClientId =
        new Message(
            UUID.randomUUID().toString(),
            "r",
            2,
            "u-1",
            "again",
            "text/plain",
            Instant.now(),
            null,
            false,
            "c-1",
            Map.of(),
            List.of());
    assertThrows(DuplicateMessageException.class, () -> store.insert(sameClientId));
    assertEquals("body 1", store.findByClientMsgId("r", "u-1", "c-1").orElseThrow().body());
  }

  @Test
  void messagesStoredBeforeTheKeyExistedGetItAtStartUp() {
    var raw = db.getCollection(Collections.MESSAGES);
    for (long seq = 1; seq <= 3; seq++) {
      raw.insertOne(
          new Document("_id", "old-" + seq)
              .append("roomId", "legacy")
              .append("seq", seq)
              .append("senderId", "u-1")
              .append("body", "old " + seq)
              .append("contentType", "text/plain")
              .append("createdAt", new java.util.Date())
              .append("deleted", false)
              .append("clientMsgId", "old-" + seq)
              .append("metadata", new Document())
              .append("mentions", List.of()));
    }
    assertEquals(3, MessageDocuments.addMissingKeys(db));
    assertEquals(0, MessageDocuments.addMissingKeys(db), "only once");
    WholeMessageStore store = WholeMessageStore.of(MongoMessageStores.open(db));
    assertEquals(3, store.lastSeq("legacy"));
    assertEquals("old 2", store.after("legacy", 1, 1).get(0).body());
  }

  private static MessageChange change(Message after, long rev, MessageChange.Kind kind) {
    return new MessageChange(
        after.roomId(),
        rev,
        after.seq(),
        kind,
        "u-2",
        Instant.parse("2026-11-29T13:00:00Z"),
        after);
  }

  @Test
  void changesAreNumberedKeptWithoutTextAndApplyToTheMessage() {
    WholeMessageStore messages = WholeMessageStore.of(MongoMessageStores.open(db));
    fill(messages, "r", 3);
    Message original = messages.find("r", 2).orElseThrow();
    Message reacted = original.withReactions(Map.of("👍", List.of("u-2", "u-3")));
    messages.change(change(reacted, 1, MessageChange.Kind.REACTED), "x-1");
    Message pinned = reacted.withPin("u-2");
    messages.change(change(pinned, 2, MessageChange.Kind.PINNED), "x-2");
    Message gone = pinned.tombstone(Instant.parse("2026-11-29T14:00:00Z"));
    messages.change(change(gone, 3, MessageChange.Kind.DELETED), "x-3");

    Message stored = WholeMessageStore.of(MongoMessageStores.open(db)).find("r", 2).orElseThrow();
    assertEquals(gone, stored, "the message as the last change left it, read back whole");
    assertTrue(stored.deleted());
    assertEquals(
        3,
        WholeMessageStore.of(MongoMessageStores.open(db)).lastRev("r"),
        "found by probing, as after a restart");
    List<MessageChange> after1 = messages.changesAfter("r", 1, 10);
    assertEquals(List.of(2L, 3L), after1.stream().map(MessageChange::rev).toList());
    assertEquals(MessageChange.Kind.DELETED, after1.get(1).kind());
    assertTrue(messages.changeExists("r", "u-2", "x-2"));
    assertThrows(
        DuplicateMessageException.class,
        () -> messages.change(change(gone, 4, MessageChange.Kind.EDITED), "x-2"),
        "a clientChangeId is used once");
    assertThrows(
        DuplicateMessageException.class,
        () -> messages.change(change(gone, 3, MessageChange.Kind.EDITED), "x-9"),
        "a rev is used once");
    for (Document d : db.getCollection(Collections.MESSAGE_CHANGES).find()) {
      assertTrue(!d.containsKey("body") && !d.containsKey("after"), "no text in the change log");
    }
    assertEquals(List.of(), messages.pinned("r"), "deleting unpins");
  }

  @Test
  void pinnedListsTheMostRecentlyPinnedFirst() {
    WholeMessageStore messages = WholeMessageStore.of(MongoMessageStores.open(db));
    fill(messages, "r", 3);
    messages.change(
        change(messages.find("r", 1).orElseThrow().withPin("a"), 1, MessageChange.Kind.PINNED),
        "p1");
    messages.change(
        change(messages.find("r", 3).orElseThrow().withPin("a"), 2, MessageChange.Kind.PINNED),
        "p2");
    assertEquals(List.of(3L, 1L), messages.pinned("r"));
    messages.change(
        change(messages.find("r", 3).orElseThrow().withPin(null), 3, MessageChange.Kind.UNPINNED),
        "p3");
    assertEquals(List.of(1L), messages.pinned("r"));
  }

  @Test
  void threadsAndFilesRoundTrip() {
    WholeMessageStore messages = WholeMessageStore.of(MongoMessageStores.open(db));
    fill(messages, "r", 1);
    Message reply =
        new Message(
            "reply-id",
            "r",
            2,
            "u-2",
            "a reply",
            "text/plain",
            Instant.parse("2026-11-29T12:30:00Z"),
            null,
            false,
            "c-r",
            Map.of(),
            List.of(),
            "<p>a reply</p>",
            Map.of(),
            null,
            1,
            true,
            null,
            List.of(new Attachment("f1", "a.png", "image/png", 1234, "t1", 32, 16)),
            null);
    messages.insert(reply);
    Message parent = messages.find("r", 1).orElseThrow();
    Message summarised = parent.withThread(parent.thread().with(parent, reply));
    messages.change(change(summarised, 1, MessageChange.Kind.REPLIED), "reply-reply-id");
    assertEquals(reply, messages.find("r", 2).orElseThrow());
    assertEquals(summarised, messages.find("r", 1).orElseThrow());
    assertEquals(
        List.of(1L, 2L),
        messages.bySeqs("r", List.of(2L, 1L, 9L)).stream().map(Message::seq).toList());
  }

  @Test
  void purgedMessagesAreGoneAndPagesStepOverWhatRetentionRemoved() {
    WholeMessageStore here = WholeMessageStore.of(MongoMessageStores.open(db));
    WholeMessageStore there =
        WholeMessageStore.of(MongoMessageStores.open(db)); // another node's copy of the store
    fill(here, "r", 1_200);
    assertEquals(10, there.after("r", 0, 10).size(), "there has read the room before the purge");
    // Retention: 1-600 go, except 300 (a hold), then 301-600 go too.
    List<Long> due = new java.util.ArrayList<>();
    for (long seq = 1; seq <= 600; seq++) {
      if (seq != 300) {
        due.add(seq);
      }
    }
    assertEquals(599, here.purge("r", due).size());
    there.purged("r"); // what the purge announcement does on every node
    assertEquals(List.of(300L), seqs(there.after("r", 0, 1)), "the held message is still there");
    assertEquals(
        List.of(601L, 602L), seqs(there.after("r", 300, 2)), "the hole after it is skipped");
    assertEquals(List.of(300L), seqs(there.after("r", 250, 1)), "from inside the hole");
    // The hold is lifted and 300 goes: the floor moves over everything removed.
    here.purge("r", List.of(300L));
    there.purged("r");
    assertEquals(List.of(601L, 602L), seqs(there.after("r", 0, 2)));
    assertEquals(1_200, there.lastSeq("r"));
    // The newest message is never removed but left as a tombstone: numbering goes on.
    here.purge("r", List.of(1_200L));
    assertTrue(here.find("r", 1_200).orElseThrow().deleted());
    assertEquals(1_200, WholeMessageStore.of(MongoMessageStores.open(db)).lastSeq("r"));
  }

  private static List<Long> seqs(List<Message> page) {
    return page.stream().map(Message::seq).toList();
  }
}
