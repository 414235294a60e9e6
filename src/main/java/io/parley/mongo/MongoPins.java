package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.messaging.PinnedMessages;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Each room's pinned seqs in {@code pins}, one document per room, newest pin first. */
public class MongoPins implements PinnedMessages {

  private final MongoCollection<Document> pins;

  public MongoPins(MongoDatabase db) {
    this.pins = db.getCollection(Collections.PINS);
  }

  @Override
  public List<Long> pinned(String roomId) {
    Document doc = pins.find(eq("_id", roomId)).first();
    return doc == null ? List.of() : doc.getList("seqs", Long.class, List.of());
  }

  /** Keeps the room's pinned list (read-modify-write: the room's sequencer is its one writer). */
  void update(String roomId, long seq, boolean pinned) {
    List<Long> list = new ArrayList<>(pinned(roomId));
    boolean changed = list.remove(Long.valueOf(seq));
    if (pinned) {
      list.add(0, seq);
      changed = true;
    }
    if (changed) {
      pins.replaceOne(
          eq("_id", roomId),
          new Document("_id", roomId).append("seqs", list),
          new ReplaceOptions().upsert(true));
    }
  }
}
