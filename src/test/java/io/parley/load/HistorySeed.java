package io.parley.load;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.parley.messaging.Message;
import io.parley.mongo.Collections;
import io.parley.mongo.MessageDocuments;
import io.parley.mongo.MongoRoomDirectory;
import io.parley.rooms.Room;
import io.parley.rooms.RoomType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;

/**
 * Fills a Parley store with history for the history scenario: R public rooms with N messages in
 * all, written in bulk through the store's own document shape (the server may be running; point it
 * at the embedded store's port, by default mongodb://127.0.0.1:27018).
 */
public final class HistorySeed {

  private HistorySeed() {}

  public static void main(String[] args) {
    String uri = args.length > 0 ? args[0] : "mongodb://127.0.0.1:27018";
    int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    long messages = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
    long perRoom = messages / rooms;
    // "words": bodies of made-up words with a skewed frequency, for the search scenario.
    Vocabulary words =
        args.length > 3 && args[3].equals("words") ? new Vocabulary(20_000, 42) : null;
    long t0 = System.nanoTime();
    try (MongoClient client = MongoClients.create(uri)) {
      MongoDatabase db = client.getDatabase("parley");
      MongoRoomDirectory directory = new MongoRoomDirectory(db);
      var collection = db.getCollection(Collections.MESSAGES);
      String run = Long.toHexString(System.currentTimeMillis());
      Instant start = Instant.now().minusSeconds(perRoom * 60);
      for (int r = 0; r < rooms; r++) {
        String roomId = UUID.randomUUID().toString();
        directory.create(
            new Room(roomId, "history " + run + " " + r, RoomType.PUBLIC, "seed", start, null));
        List<Document> batch = new ArrayList<>();
        for (long seq = 1; seq <= perRoom; seq++) {
          batch.add(
              MessageDocuments.toDocument(
                  new Message(
                      UUID.randomUUID().toString(),
                      roomId,
                      seq,
                      "seed",
                      words == null
                          ? "seeded message " + seq + " of room " + r
                          : words.sentence(6, 20),
                      "text/plain",
                      start.plusSeconds(seq * 60),
                      null,
                      false,
                      "seed-" + seq,
                      Map.of(),
                      List.of())));
          if (batch.size() == 1_000) {
            collection.insertMany(batch);
            batch.clear();
          }
        }
        if (!batch.isEmpty()) {
          collection.insertMany(batch);
        }
        if ((r + 1) % 50 == 0) {
          System.out.printf(
              "%d rooms, %d messages, %.0f s%n",
              r + 1, (r + 1) * perRoom, (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    System.out.printf(
        "seeded %d rooms x %d messages in %.0f s%n",
        rooms, perRoom, (System.nanoTime() - t0) / 1e9);
  }
}
