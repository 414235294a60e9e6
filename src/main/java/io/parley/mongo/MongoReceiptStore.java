package io.parley.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.parley.receipts.ReceiptStore;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/** Read watermarks in {@code receipts}: one document per user and room. */
public class MongoReceiptStore implements ReceiptStore {

  private final MongoCollection<Document> receipts;

  public MongoReceiptStore(MongoDatabase db) {
    this.receipts = db.getCollection(Collections.RECEIPTS);
  }

  @Override
  public void markRead(String userId, String roomId, long seq) {
    receipts.updateOne(
        and(eq("_id", userId + ":" + roomId)),
        Updates.combine(
            Updates.setOnInsert("userId", userId),
            Updates.setOnInsert("roomId", roomId),
            Updates.max("lastReadSeq", seq)),
        new UpdateOptions().upsert(true));
  }

  @Override
  public Map<String, Long> lastRead(String userId) {
    Map<String, Long> marks = new HashMap<>();
    receipts
        .find(eq("userId", userId))
        .forEach(d -> marks.put(d.getString("roomId"), d.getLong("lastReadSeq")));
    return marks;
  }
}
