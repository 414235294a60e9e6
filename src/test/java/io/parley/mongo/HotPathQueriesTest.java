package io.parley.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.parley.messaging.HistoryQuery;
import io.parley.messaging.MessageService;
import io.parley.messaging.RoomSequencer;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.WholeMessageStore;
import io.parley.testing.WireStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded store has no {@code explain} (it answers "no such command") and serves from an index
 * only an exact match, or an {@code $in}, on a unique key; anything else reads the whole
 * collection. So this test is the plan check: it records every filter the driver sends while people
 * post, read history, catch up and open pages, and requires each to be such a key lookup. On a real
 * MongoDB the same filters are {@code _id}/unique-index lookups (IDHACK or IXSCAN).
 */
class HotPathQueriesTest {

  /** The unique keys a hot read or write may address, per collection. */
  private static final Map<String, List<Set<String>>> KEYS =
      Map.ofEntries(
          Map.entry(
              Collections.MESSAGES,
              List.of(
                  Set.of("_id"),
                  Set.of(MessageDocuments.ROOM_SEQ),
                  Set.of("roomId", "senderId", "clientMsgId"))),
          Map.entry(Collections.MEMBERSHIPS, List.of(Set.of("_id"))),
          Map.entry(Collections.MEMBER_LISTS, List.of(Set.of("_id"))),
          Map.entry(Collections.ROOMS, List.of(Set.of("_id"))),
          Map.entry(Collections.BANS, List.of(Set.of("_id"))),
          Map.entry(Collections.USERS, List.of(Set.of("_id"))),
          Map.entry(
              Collections.MESSAGE_CHANGES,
              List.of(Set.of("_id"), Set.of("roomId", "actorId", "clientChangeId"))),
          Map.entry(Collections.PINS, List.of(Set.of("_id"))),
          Map.entry(Collections.MESSAGE_EDITS, List.of(Set.of("_id"))),
          Map.entry(Collections.MESSAGE_FLOORS, List.of(Set.of("_id"))),
          Map.entry(Collections.RECEIPTS, List.of(Set.of("_id"))),
          Map.entry(Collections.RECEIPT_LISTS, List.of(Set.of("_id"))));

  private WireStore store;
  private MongoDatabase db;
  private final List<String> filters = new CopyOnWriteArrayList<>();
  private final List<String> scans = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    CommandListener recorder =
        new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            record(event.getCommandName(), event.getCommand());
          }
        };
    store = new WireStore(settings -> settings.addCommandListener(recorder));
    db = store.db();
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private void record(String command, BsonDocument body) {
    List<BsonDocument> wanted = new ArrayList<>();
    String collection;
    switch (command) {
      case "find" -> {
        collection = body.getString("find").getValue();
        wanted.add(body.getDocument("filter", new BsonDocument()));
      }
      case "update", "delete" -> {
        collection = body.getString(command).getValue();
        // sent as a payload beside the command; the driver folds it in for listeners
        for (BsonValue statement :
            body.getArray(command.equals("update") ? "updates" : "deletes")) {
          wanted.add(statement.asDocument().getDocument("q"));
        }
      }
      default -> {
        return; // inserts address no documents; index creation runs once
      }
    }
    for (BsonDocument filter : wanted) {
      filters.add(collection + " " + filter.toJson());
      Set<String> fields = filter.keySet();
      boolean keyed =
          KEYS.getOrDefault(collection, List.of()).stream().anyMatch(key -> key.equals(fields))
              && fields.stream().allMatch(f -> exactOrIn(filter.get(f)));
      if (!keyed) {
        scans.add(collection + " " + filter.toJson());
      }
    }
  }

  private static boolean exactOrIn(BsonValue value) {
    return !value.isDocument()
        || (value.asDocument().size() == 1 && value.asDocument().containsKey("$in"));
  }

  @Test
  void postingReadingAndCatchingUpAreKeyLookupsOnly() {
    WholeMessageStore store = WholeMessageStore.of(MongoMessageStores.open(db));
    RoomService rooms = new RoomService(new MongoRoomDirectory(db), Clock.systemUTC());
    RoomSequencer sequencer =
        new RoomSequencer(
            store.parts(), m -> {}, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    MessageService messages =
        MessageService.builder(
                rooms,
                sequencer,
                store.parts(),
                ids -> ids.stream().collect(Collectors.toMap(id -> id, id -> id)))
            .build();
    Room room = rooms.lifecycle().create("ada", "hot path", RoomType.PUBLIC);
    for (int i = 0; i < 20; i++) {
      rooms.memberships().join("member-" + i, room.id());
    }
    filters.clear();
    scans.clear();

    rooms
        .memberships()
        .join("late-comer", room.id()); // membership, then both id lists (updates by key)
    for (int i = 1; i <= 60; i++) {
      messages.send("member-" + (i % 20), room.id(), "hello " + i, "c-" + i, Map.of());
    }
    messages.send("member-1", room.id(), "hello 1", "c-1", Map.of()); // a retry
    var latest = messages.history("ada", room.id(), HistoryQuery.latest());
    messages.history("ada", room.id(), new HistoryQuery(latest.messages().get(0).seq(), null, 50));
    messages.history("member-3", room.id(), new HistoryQuery(null, 40L, 50));
    WholeMessageStore.of(MongoMessageStores.open(db))
        .lastSeq(room.id()); // a node that has seen nothing
    rooms.listings().roomsOf("member-3");
    rooms.memberLists().members(room.id());
    messages.mentionsSince("member-3", room.id(), 10);
    new MongoUserDirectory(db).find("ada");
    new MongoUserDirectory(db).findAll(List.of("ada", "member-1"));
    // Changes: edits, reactions, pins, thread replies, and a page catching up on them.
    messages.edit("member-1", room.id(), 1, "edited", "e-1");
    messages.react("member-2", room.id(), 1, "👍", "r-1");
    messages.react("member-2", room.id(), 1, "👍", "r-1"); // a retry
    messages.pin("member-3", room.id(), 2, true, "p-1");
    messages.post(
        "member-4",
        new io.parley.messaging.NewMessage(
                room.id(), "member-4", "in a thread", null, "t-1", Map.of())
            .replyingTo(3, false));
    messages.thread("ada", room.id(), 3);
    messages.pinned("ada", room.id());
    messages.changesAfter(room.id(), 0);
    WholeMessageStore.of(MongoMessageStores.open(db)).lastRev(room.id());
    messages.editHistory("ada", room.id(), 1);
    messages.delete("member-1", room.id(), 1, "d-1");
    // Read marks: raised, then a person's (every first socket) and a room's ("Seen by").
    MongoReceiptStore receipts = new MongoReceiptStore(db);
    receipts.raise("member-3", room.id(), new io.parley.receipts.Watermark(5, 6));
    receipts.raise("member-3", room.id(), new io.parley.receipts.Watermark(7, 7));
    receipts.lastRead("member-3");
    receipts.inRoom(room.id());

    assertTrue(filters.size() > 60, "the queries were recorded: " + filters.size());
    assertTrue(
        filters.stream().filter(f -> f.startsWith(Collections.MEMBER_LISTS)).count() >= 4,
        "updates are recorded too: " + filters);
    assertEquals(List.of(), scans, "every hot query is a key lookup");
  }

  @Test
  void theCheckCatchesAScan() {
    new MongoRoomDirectory(db); // nothing sent yet
    db.getCollection(Collections.MEMBERSHIPS).find(new org.bson.Document("userId", "ada")).first();
    assertEquals(1, scans.size(), "a query on a non-unique field is flagged");
  }
}
