package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Each room's purge floor in {@code message_floors}: the highest seq below which retention removed
 * everything, so reads of the oldest pages start above it instead of stepping through gaps.
 */
final class PurgeFloors {

  private final MongoCollection<Document> floors;

  /** Each room's floor as last read (0: nothing purged), dropped when a purge is told. */
  private final Map<String, Long> known = new ConcurrentHashMap<>();

  PurgeFloors(MongoDatabase db) {
    this.floors = db.getCollection(Collections.MESSAGE_FLOORS);
  }

  /** The highest seq retention removed from the room (what a hold kept below it is skipped). */
  long floor(String roomId) {
    return known.computeIfAbsent(
        roomId,
        id -> {
          Document d = floors.find(eq("_id", id)).first();
          return d == null ? 0L : d.getLong("seq");
        });
  }

  void raise(String roomId, long seq) {
    floors.replaceOne(
        eq("_id", roomId),
        new Document("_id", roomId).append("seq", seq),
        new ReplaceOptions().upsert(true));
    known.remove(roomId);
  }

  /** Forgets the floor read, so the next read asks the store (a purge happened somewhere). */
  void forget(String roomId) {
    known.remove(roomId);
  }
}
