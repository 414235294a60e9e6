package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.parley.receipts.ReceiptStore;
import io.parley.receipts.Watermark;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/** Watermarks in {@code receipts}: one document per user and room, raised with {@code $max}. */
public class MongoReceiptStore implements ReceiptStore {

  private final MongoCollection<Document> receipts;

  public MongoReceiptStore(MongoDatabase db) {
    this.receipts = db.getCollection(Collections.RECEIPTS);
  }

  @Override
  public void raise(String userId, String roomId, Watermark mark) {
    receipts.updateOne(
        eq("_id", userId + ":" + roomId),
        Updates.combine(
            Updates.setOnInsert("userId", userId),
            Updates.setOnInsert("roomId", roomId),
            Updates.max("lastReadSeq", mark.read()),
            Updates.max("deliveredSeq", mark.delivered())),
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

  @Override
  public Map<String, Watermark> inRoom(String roomId) {
    Map<String, Watermark> marks = new HashMap<>();
    receipts
        .find(eq("roomId", roomId))
        .forEach(
            d -> {
              Long delivered = d.getLong("deliveredSeq");
              long read = d.getLong("lastReadSeq");
              marks.put(
                  d.getString("userId"), new Watermark(read, delivered == null ? read : delivered));
            });
    return marks;
  }
}
