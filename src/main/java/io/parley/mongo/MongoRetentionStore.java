package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.retention.Hold;
import io.parley.retention.RetentionStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Retention settings in one small collection, each kind of entry by its own key: {@code
 * days/<roomId>}, {@code hold/room/<id>} and {@code hold/person/<id>}, {@code floor/<roomId>}.
 * Lists read the collection by its {@code kind} field (a few documents per room at most).
 */
public final class MongoRetentionStore implements RetentionStore {

  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

  private final MongoCollection<Document> entries;

  public MongoRetentionStore(MongoDatabase db) {
    this.entries = db.getCollection(Collections.RETENTION);
  }

  @Override
  public Map<String, Integer> roomDays() {
    Map<String, Integer> days = new HashMap<>();
    entries
        .find(eq("kind", "days"))
        .forEach(d -> days.put(d.getString("roomId"), d.getInteger("days")));
    return days;
  }

  @Override
  public void setRoomDays(String roomId, Integer days) {
    String key = "days/" + roomId;
    if (days == null) {
      entries.deleteOne(eq("_id", key));
    } else {
      entries.replaceOne(
          eq("_id", key),
          new Document("_id", key)
              .append("kind", "days")
              .append("roomId", roomId)
              .append("days", days),
          UPSERT);
    }
  }

  @Override
  public List<Hold> holds() {
    List<Hold> holds = new ArrayList<>();
    entries
        .find(eq("kind", "hold"))
        .forEach(
            d ->
                holds.add(
                    new Hold(
                        Hold.Kind.valueOf(d.getString("on")),
                        d.getString("targetId"),
                        d.getString("placedBy"),
                        d.getDate("at").toInstant(),
                        d.getString("reason"))));
    return holds;
  }

  @Override
  public void place(Hold hold) {
    String key = holdKey(hold.kind(), hold.targetId());
    entries.replaceOne(
        eq("_id", key),
        new Document("_id", key)
            .append("kind", "hold")
            .append("on", hold.kind().name())
            .append("targetId", hold.targetId())
            .append("placedBy", hold.placedBy())
            .append("at", Date.from(hold.at()))
            .append("reason", hold.reason()),
        UPSERT);
  }

  @Override
  public void lift(Hold.Kind kind, String targetId) {
    entries.deleteOne(eq("_id", holdKey(kind, targetId)));
  }

  private static String holdKey(Hold.Kind kind, String targetId) {
    return "hold/" + kind.name().toLowerCase() + "/" + targetId;
  }

  @Override
  public long floor(String roomId) {
    Document d = entries.find(eq("_id", "floor/" + roomId)).first();
    return d == null ? 0 : d.getLong("seq");
  }

  @Override
  public void setFloor(String roomId, long seq) {
    String key = "floor/" + roomId;
    entries.replaceOne(
        eq("_id", key),
        new Document("_id", key).append("kind", "floor").append("seq", seq),
        UPSERT);
  }

  @Override
  public void resetFloors() {
    entries.deleteMany(eq("kind", "floor"));
  }
}
