package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.threads.ThreadFollow;
import io.parley.threads.ThreadFollowStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Thread follows in {@code thread_follows}, keyed "userId/roomId/parentSeq". */
public class MongoThreadFollowStore implements ThreadFollowStore {

  private final MongoCollection<Document> follows;

  public MongoThreadFollowStore(MongoDatabase db) {
    this.follows = db.getCollection(Collections.THREAD_FOLLOWS);
  }

  @Override
  public void save(ThreadFollow f) {
    String key = f.userId() + "/" + f.roomId() + "/" + f.parentSeq();
    follows.replaceOne(
        eq("_id", key),
        new Document("_id", key)
            .append("userId", f.userId())
            .append("roomId", f.roomId())
            .append("parentSeq", f.parentSeq())
            .append("lastActivityAt", Date.from(f.lastActivityAt())),
        new ReplaceOptions().upsert(true));
  }

  @Override
  public List<ThreadFollow> of(String userId, int limit) {
    List<ThreadFollow> found = new ArrayList<>();
    follows
        .find(eq("userId", userId))
        .sort(Sorts.descending("lastActivityAt"))
        .limit(limit)
        .forEach(
            d ->
                found.add(
                    new ThreadFollow(
                        userId,
                        d.getString("roomId"),
                        d.getLong("parentSeq"),
                        d.getDate("lastActivityAt").toInstant())));
    return found;
  }
}
