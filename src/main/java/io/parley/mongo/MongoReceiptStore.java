package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.parley.receipts.ReceiptStore;
import io.parley.receipts.Watermark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Watermarks in {@code receipts}: one document per user and room (or thread), keyed {@code
 * userId:roomKey}, raised with {@code $max}. Which marks exist is also kept as id lists in {@code
 * receipt_lists} ({@code user:<id>} and {@code room:<key>}), so that a person's marks and a room's
 * marks are key lookups: on the embedded store a query on {@code userId} or {@code roomId} reads
 * every receipt, and each person's first socket on a node asks for theirs.
 */
public class MongoReceiptStore implements ReceiptStore {

  private static final String IDS = "ids";

  /** Pairs this node has listed since it started; bounded, since listing again is harmless. */
  static final int MAX_LISTED = 100_000;

  private final MongoCollection<Document> receipts;
  private final MongoCollection<Document> lists;
  private final Set<String> listed = ConcurrentHashMap.newKeySet();

  public MongoReceiptStore(MongoDatabase db) {
    this.receipts = db.getCollection(Collections.RECEIPTS);
    this.lists = db.getCollection(Collections.RECEIPT_LISTS);
  }

  @Override
  public void raise(String userId, String roomId, Watermark mark) {
    String id = userId + ":" + roomId;
    // Listed before the mark is written: a list entry without its mark is harmless, a mark
    // missing from the lists would never be read.
    if (!listed.contains(id)) {
      var upsert = new UpdateOptions().upsert(true);
      lists.updateOne(eq("_id", "user:" + userId), Updates.addToSet(IDS, roomId), upsert);
      lists.updateOne(eq("_id", "room:" + roomId), Updates.addToSet(IDS, userId), upsert);
      if (listed.size() >= MAX_LISTED) {
        listed.clear();
      }
      listed.add(id);
    }
    receipts.updateOne(
        eq("_id", id),
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
    List<String> keys = idsOf("user:" + userId).stream().map(r -> userId + ":" + r).toList();
    if (!keys.isEmpty()) {
      receipts
          .find(in("_id", keys))
          .forEach(d -> marks.put(d.getString("roomId"), d.getLong("lastReadSeq")));
    }
    return marks;
  }

  @Override
  public Map<String, Watermark> inRoom(String roomId) {
    Map<String, Watermark> marks = new HashMap<>();
    List<String> keys = idsOf("room:" + roomId).stream().map(u -> u + ":" + roomId).toList();
    if (keys.isEmpty()) {
      return marks;
    }
    receipts
        .find(in("_id", keys))
        .forEach(
            d -> {
              Long delivered = d.getLong("deliveredSeq");
              long read = d.getLong("lastReadSeq");
              marks.put(
                  d.getString("userId"), new Watermark(read, delivered == null ? read : delivered));
            });
    return marks;
  }

  private List<String> idsOf(String listId) {
    Document list = lists.find(eq("_id", listId)).first();
    return list == null ? List.of() : list.getList(IDS, String.class, List.of());
  }

  /**
   * Builds the lists from the marks when a store from before them has none (once, at start-up: one
   * read of every receipt).
   */
  public static long addMissingReceiptLists(MongoDatabase db) {
    MongoCollection<Document> lists = db.getCollection(Collections.RECEIPT_LISTS);
    if (lists.countDocuments() > 0) {
      return 0;
    }
    Map<String, List<String>> byList = new LinkedHashMap<>();
    for (Document d : db.getCollection(Collections.RECEIPTS).find()) {
      String roomId = d.getString("roomId");
      String userId = d.getString("userId");
      byList.computeIfAbsent("user:" + userId, k -> new ArrayList<>()).add(roomId);
      byList.computeIfAbsent("room:" + roomId, k -> new ArrayList<>()).add(userId);
    }
    byList.forEach((id, ids) -> lists.insertOne(new Document("_id", id).append(IDS, ids)));
    return byList.size();
  }
}
