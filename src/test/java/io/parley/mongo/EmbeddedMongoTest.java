package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store over its real wire socket: unique indexes with value-ordered keys. */
class EmbeddedMongoTest {

  @TempDir Path dir;

  @Test
  void uniqueKeysAreRefusedFoundAndKeptAcrossARestart() {
    try (EmbeddedMongo store = EmbeddedMongo.start(dir, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(store.uri())) {
      MongoCollection<Document> messages = messages(client);
      messages.createIndex(
          Indexes.ascending("roomId", "senderId", "clientMsgId"), new IndexOptions().unique(true));
      for (int i = 0; i < 500; i++) {
        messages.insertOne(message("r" + (i % 7), "u" + (i % 3), "c" + i));
      }
      assertDuplicate(() -> messages.insertOne(message("r3", "u0", "c3")));
      // The same number stored as int and as long is one key, as on MongoDB.
      MongoCollection<Document> numbers = client.getDatabase("parley").getCollection("numbers");
      numbers.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
      numbers.insertOne(new Document("_id", "n1").append("n", 1));
      assertDuplicate(() -> numbers.insertOne(new Document("_id", "n2").append("n", 1L)));
      numbers.dropIndex("n_1");
      numbers.insertOne(new Document("_id", "n2").append("n", 1L));
    }
    try (EmbeddedMongo store = EmbeddedMongo.start(dir, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(store.uri())) {
      MongoCollection<Document> messages = messages(client);
      assertEquals(500, messages.countDocuments());
      assertDuplicate(() -> messages.insertOne(message("r3", "u0", "c3")));
      assertEquals(
          "c42",
          messages
              .find(
                  new Document("roomId", "r0")
                      .append("senderId", "u0")
                      .append("clientMsgId", "c42"))
              .first()
              .getString("clientMsgId"));
      List<String> ids = new ArrayList<>();
      messages
          .find(in("_id", "r0/c7", "r0/c14", "missing"))
          .forEach(d -> ids.add(d.getString("_id")));
      assertEquals(List.of("r0/c14", "r0/c7"), ids.stream().sorted().toList());
    }
  }

  @Test
  void aStoreWrittenByThePlainBackendGetsItsIndexesRebuiltOnce() {
    Path file = dir.resolve("parley.mv");
    MongoServer plain = new MongoServer(new H2Backend(MVStore.open(file.toString())));
    String uri = "mongodb://127.0.0.1:" + plain.bind().getPort();
    try (MongoClient client = MongoClients.create(uri)) {
      MongoCollection<Document> messages = messages(client);
      messages.createIndex(Indexes.ascending("roomSeq"), new IndexOptions().unique(true));
      for (int i = 1; i <= 200; i++) {
        messages.insertOne(new Document("_id", "m" + i).append("roomSeq", "r/" + i));
      }
    } finally {
      plain.shutdownNow();
    }
    try (EmbeddedMongo store = EmbeddedMongo.start(dir, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(store.uri())) {
      MongoCollection<Document> messages = messages(client);
      assertEquals("m77", messages.find(eq("roomSeq", "r/77")).first().getString("_id"));
      assertDuplicate(() -> messages.insertOne(new Document("_id", "x").append("roomSeq", "r/5")));
      assertDuplicate(() -> messages.insertOne(new Document("_id", "m5").append("roomSeq", "r/x")));
    }
    MVStore reopened = MVStore.open(file.toString());
    try {
      assertFalse(reopened.hasMap("parley.messages._index_roomSeq_1"));
      assertTrue(reopened.hasMap("parley.messages._index_roomSeq_1" + KeyedH2Backend.MAP_SUFFIX));
    } finally {
      reopened.close();
    }
  }

  @Test
  void aStoreFileThatDoesNotOpenStopsTheStartWithTheStepsToRestore() throws Exception {
    java.nio.file.Files.write(dir.resolve(EmbeddedMongo.FILE_NAME), new byte[8192]);
    StoreFile.StoreWillNotOpen refused =
        assertThrows(
            StoreFile.StoreWillNotOpen.class, () -> EmbeddedMongo.start(dir, "127.0.0.1", 0));
    assertTrue(refused.getMessage().contains("could not be opened"), refused.getMessage());
    assertTrue(refused.getMessage().contains("ops/restore.sh"), refused.getMessage());
    assertEquals(0, refused.getStackTrace().length, "a message, not a stack trace");
  }

  @Test
  void aStoreStartedWithAnotherStoresLogRefusesToStart() throws Exception {
    Path other = dir.resolve("other");
    try (EmbeddedMongo store = EmbeddedMongo.start(other, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(store.uri())) {
      messages(client).insertOne(message("r", "u", "c"));
    }
    try (EmbeddedMongo store = EmbeddedMongo.start(dir, "127.0.0.1", 0)) {
      assertTrue(store.uri().startsWith("mongodb://"));
    }
    // The other store's log next to this store's file: replaying it would mix two histories.
    Path log = dir.resolve(EmbeddedMongo.LOG_DIR);
    try (var old = java.nio.file.Files.list(log)) {
      for (Path p : old.toList()) {
        java.nio.file.Files.delete(p);
      }
    }
    try (var theirs = java.nio.file.Files.list(other.resolve(EmbeddedMongo.LOG_DIR))) {
      for (Path p : theirs.toList()) {
        java.nio.file.Files.copy(p, log.resolve(p.getFileName()));
      }
    }
    StoreFile.StoreWillNotOpen refused =
        assertThrows(
            StoreFile.StoreWillNotOpen.class, () -> EmbeddedMongo.start(dir, "127.0.0.1", 0));
    assertTrue(refused.getMessage().contains("belongs to another store"), refused.getMessage());
  }

  private static MongoCollection<Document> messages(MongoClient client) {
    return client.getDatabase("parley").getCollection("messages");
  }

  private static Document message(String room, String sender, String clientMsgId) {
    return new Document("_id", room + "/" + clientMsgId)
        .append("roomId", room)
        .append("senderId", sender)
        .append("clientMsgId", clientMsgId);
  }

  private static void assertDuplicate(Runnable insert) {
    MongoWriteException e = assertThrows(MongoWriteException.class, insert::run);
    assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(e.getCode()));
  }
}
