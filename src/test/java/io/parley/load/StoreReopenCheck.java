package io.parley.load;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.parley.messaging.Message;
import io.parley.mongo.Collections;
import io.parley.mongo.EmbeddedMongo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The embedded store's growth-and-reopen check (issue 24): seeds N messages in R rooms through the
 * store's own write path (write-ahead log, group commit, checkpoints), stops cleanly, reopens, and
 * reads the newest and the oldest page of some rooms and the count. Prints its figures.
 *
 * <p>{@code ops/load/reopen.sh [dir] [messages] [rooms] [reopen-only]}
 */
public final class StoreReopenCheck {

  private StoreReopenCheck() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/reopen-check");
    long messages = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    int rooms = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    boolean seed = !(args.length > 3 && args[3].equals("reopen-only"));
    long t0 = System.nanoTime();
    if (seed) {
      seed(dir, messages, rooms);
    }
    long seeded = System.nanoTime();
    long bytes = Files.size(dir.resolve(EmbeddedMongo.FILE_NAME));
    System.out.printf(
        "%s: %d messages in %.0f s, file %.2f GB%n",
        seed ? "seeded and stopped cleanly" : "seeded before",
        messages,
        (seeded - t0) / 1e9,
        bytes / 1e9);
    reopen(dir, messages, rooms);
    System.out.println("REOPEN CHECK PASSED");
  }

  private static void seed(Path dir, long messages, int rooms) {
    try (EmbeddedMongo store = EmbeddedMongo.start(dir, "127.0.0.1", 0)) {
      try (MongoClient client = MongoClients.create(store.uri())) {
        Collections.createIndexes(client.getDatabase("parley"));
      }
      HistorySeed.main(
          new String[] {store.uri(), Integer.toString(rooms), Long.toString(messages)});
    }
  }

  private static void reopen(Path dir, long messages, int rooms) {
    long open = System.nanoTime();
    try (EmbeddedMongo store = EmbeddedMongo.start(dir, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(store.uri())) {
      long opened = System.nanoTime();
      MongoDatabase db = client.getDatabase("parley");
      var messagesStore = io.parley.mongo.MongoMessageStores.open(db).history();
      // The collection's own count (countDocuments would make the wire server read every one).
      long count = db.getCollection(Collections.MESSAGES).estimatedDocumentCount();
      List<String> roomIds = new ArrayList<>();
      db.getCollection(Collections.ROOMS)
          .find()
          .projection(new Document("_id", 1))
          .limit(5)
          .forEach(d -> roomIds.add(d.getString("_id")));
      long perRoom = messages / rooms;
      for (String room : roomIds) {
        List<Message> newest = messagesStore.before(room, Long.MAX_VALUE, 50);
        List<Message> oldest = messagesStore.after(room, 0, 50);
        check(newest.size() == 50 && newest.get(49).seq() == perRoom, "newest page of " + room);
        check(oldest.size() == 50 && oldest.get(0).seq() == 1, "oldest page of " + room);
      }
      System.out.printf(
          "reopened in %.1f s; %d messages counted; newest and oldest pages of %d rooms read"
              + " (%.1f s)%n",
          (opened - open) / 1e9, count, roomIds.size(), (System.nanoTime() - opened) / 1e9);
      check(count == messages, "count " + count + " of " + messages);
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("reopen check failed: " + what);
    }
  }
}
