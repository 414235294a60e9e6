package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.later.DraftStore;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/** Drafts in {@code drafts}, keyed "userId/roomId/threadOf" (read and written by key only). */
public class MongoDraftStore implements DraftStore {

  private final MongoCollection<Document> drafts;

  public MongoDraftStore(MongoDatabase db) {
    this.drafts = db.getCollection(Collections.DRAFTS);
  }

  private static String key(String userId, String roomId, long threadOf) {
    return userId + "/" + roomId + "/" + threadOf;
  }

  @Override
  public void save(String userId, String roomId, long threadOf, String text, Instant at) {
    String key = key(userId, roomId, threadOf);
    drafts.replaceOne(
        eq("_id", key),
        new Document("_id", key).append("text", text).append("at", Date.from(at)),
        new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<String> find(String userId, String roomId, long threadOf) {
    Document d = drafts.find(eq("_id", key(userId, roomId, threadOf))).first();
    return d == null ? Optional.empty() : Optional.ofNullable(d.getString("text"));
  }

  @Override
  public void delete(String userId, String roomId, long threadOf) {
    drafts.deleteOne(eq("_id", key(userId, roomId, threadOf)));
  }
}
