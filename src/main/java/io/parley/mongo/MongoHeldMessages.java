package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.messaging.HeldCopy;
import io.parley.messaging.HeldMessages;
import io.parley.messaging.MessageEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Held copies in {@code held_messages}, keyed like messages ("roomId/seq"), the message stored with
 * the messages' own codec. Few and rarely read (exports, a hold's release): scans are fine.
 */
public class MongoHeldMessages implements HeldMessages {

  private final MongoCollection<Document> held;

  public MongoHeldMessages(MongoDatabase db) {
    this.held = db.getCollection(Collections.HELD_MESSAGES);
  }

  @Override
  public void keep(HeldCopy copy) {
    List<Document> versions = new ArrayList<>();
    for (MessageEdit e : copy.versions()) {
      versions.add(
          new Document("editorId", e.editorId())
              .append("at", Date.from(e.at()))
              .append("previousBody", e.previousBody()));
    }
    String key = GapFreeKeys.key(copy.original().roomId(), copy.original().seq());
    held.replaceOne(
        eq("_id", key),
        new Document("_id", key)
            .append("roomId", copy.original().roomId())
            .append("seq", copy.original().seq())
            .append("senderId", copy.original().senderId())
            .append("message", MessageDocuments.toDocument(copy.original()))
            .append("versions", versions)
            .append("deletedBy", copy.deletedBy())
            .append("deletedAt", Date.from(copy.deletedAt())),
        new ReplaceOptions().upsert(true));
  }

  @Override
  public List<HeldCopy> inRoom(String roomId) {
    return read(eq("roomId", roomId));
  }

  @Override
  public List<HeldCopy> bySender(String senderId) {
    List<HeldCopy> copies = read(eq("senderId", senderId));
    copies.sort(Comparator.comparing(c -> c.original().createdAt()));
    return copies;
  }

  @Override
  public List<HeldCopy> all() {
    return read(new Document());
  }

  @Override
  public boolean keepsFile(String fileId) {
    return held.find(eq("message.files.fileId", fileId)).first() != null
        || held.find(eq("message.files.thumbnailId", fileId)).first() != null;
  }

  @Override
  public void drop(String roomId, long seq) {
    held.deleteOne(eq("_id", GapFreeKeys.key(roomId, seq)));
  }

  private List<HeldCopy> read(org.bson.conversions.Bson filter) {
    List<HeldCopy> copies = new ArrayList<>();
    for (Document d : held.find(filter).sort(Sorts.ascending("roomId", "seq"))) {
      List<MessageEdit> versions = new ArrayList<>();
      for (Document v : d.getList("versions", Document.class, List.of())) {
        versions.add(
            new MessageEdit(
                v.getString("editorId"), v.getDate("at").toInstant(), v.getString("previousBody")));
      }
      copies.add(
          new HeldCopy(
              MessageDocuments.toMessage(d.get("message", Document.class)),
              versions,
              d.getString("deletedBy"),
              d.getDate("deletedAt").toInstant()));
    }
    return copies;
  }
}
