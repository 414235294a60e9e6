package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.later.SavedMessage;
import io.parley.later.SavedStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Saved messages in {@code saved_messages}, keyed "userId/roomId/seq". */
public class MongoSavedStore implements SavedStore {

  private final MongoCollection<Document> saved;

  public MongoSavedStore(MongoDatabase db) {
    this.saved = db.getCollection(Collections.SAVED_MESSAGES);
  }

  private static String key(String userId, String roomId, long seq) {
    return userId + "/" + roomId + "/" + seq;
  }

  @Override
  public void save(SavedMessage s) {
    String key = key(s.userId(), s.roomId(), s.seq());
    if (saved.find(eq("_id", key)).first() != null) {
      return;
    }
    Document d =
        new Document("_id", key)
            .append("userId", s.userId())
            .append("roomId", s.roomId())
            .append("seq", s.seq())
            .append("savedAt", Date.from(s.savedAt()));
    saved.replaceOne(eq("_id", key), d, new ReplaceOptions().upsert(true));
  }

  @Override
  public boolean remove(String userId, String roomId, long seq) {
    return saved.deleteOne(eq("_id", key(userId, roomId, seq))).getDeletedCount() > 0;
  }

  @Override
  public List<SavedMessage> of(String userId, int limit) {
    List<SavedMessage> found = new ArrayList<>();
    saved
        .find(eq("userId", userId))
        .sort(Sorts.descending("savedAt"))
        .limit(limit)
        .forEach(
            d ->
                found.add(
                    new SavedMessage(
                        userId,
                        d.getString("roomId"),
                        d.getLong("seq"),
                        d.getDate("savedAt").toInstant())));
    return found;
  }

  @Override
  public boolean has(String userId, String roomId, long seq) {
    return saved.find(eq("_id", key(userId, roomId, seq))).first() != null;
  }

  @Override
  public int count(String userId) {
    return (int) saved.countDocuments(eq("userId", userId));
  }
}
