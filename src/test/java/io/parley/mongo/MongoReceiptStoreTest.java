package io.parley.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.receipts.Watermark;
import io.parley.testing.WireStore;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoReceiptStoreTest {

  private final WireStore store = new WireStore();

  @AfterEach
  void stop() {
    store.close();
  }

  @Test
  void marksAreFoundByPersonAndByRoomAndNeverLowered() {
    MongoReceiptStore receipts = new MongoReceiptStore(store.db());
    receipts.raise("ada", "r1", new Watermark(3, 5));
    receipts.raise("ada", "r1", new Watermark(2, 4));
    receipts.raise("ada", "r1/thread/7", new Watermark(9, 9));
    receipts.raise("bob", "r1", new Watermark(1, 1));
    receipts.raise("bob", "r2", new Watermark(4, 4));

    assertEquals(Map.of("r1", 3L, "r1/thread/7", 9L), receipts.lastRead("ada"));
    assertEquals(
        Map.of("ada", new Watermark(3, 5), "bob", new Watermark(1, 1)), receipts.inRoom("r1"));
    assertEquals(Map.of("bob", new Watermark(4, 4)), receipts.inRoom("r2"));
    assertEquals(Map.of(), receipts.lastRead("eve"));
    assertEquals(Map.of(), receipts.inRoom("r9"));
    // A second node (nothing listed in its memory) raising the same pair lists nothing twice.
    new MongoReceiptStore(store.db()).raise("ada", "r1", new Watermark(6, 6));
    assertEquals(Map.of("r1", 6L, "r1/thread/7", 9L), receipts.lastRead("ada"));
  }

  @Test
  void aStoreFromBeforeTheListsGetsThemOnceAtStartUp() {
    var db = store.db();
    db.getCollection(Collections.RECEIPTS)
        .insertOne(
            new Document("_id", "ada:r1")
                .append("userId", "ada")
                .append("roomId", "r1")
                .append("lastReadSeq", 4L)
                .append("deliveredSeq", 6L));
    db.getCollection(Collections.RECEIPTS)
        .insertOne(
            new Document("_id", "bob:r1")
                .append("userId", "bob")
                .append("roomId", "r1")
                .append("lastReadSeq", 2L));

    assertEquals(3, MongoReceiptStore.addMissingReceiptLists(db));
    assertEquals(0, MongoReceiptStore.addMissingReceiptLists(db), "only once");
    MongoReceiptStore receipts = new MongoReceiptStore(db);
    assertEquals(Map.of("r1", 4L), receipts.lastRead("ada"));
    assertEquals(
        Map.of("ada", new Watermark(4, 6), "bob", new Watermark(2, 2)), receipts.inRoom("r1"));
  }
}
