package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.parley.messaging.EditHistory;
import io.parley.messaging.MessageEdit;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Earlier versions in {@code message_edits}: one document per edited message, read by key. */
public class MongoEditHistory implements EditHistory {

  private final MongoCollection<Document> edits;

  public MongoEditHistory(MongoDatabase db) {
    this.edits = db.getCollection(Collections.MESSAGE_EDITS);
  }

  @Override
  public void keepEdit(String roomId, long seq, MessageEdit edit) {
    // One document per edited message ("roomId/seq"), its versions in order.
    edits.updateOne(
        eq("_id", GapFreeKeys.key(roomId, seq)),
        Updates.push(
            "versions",
            new Document("editorId", edit.editorId())
                .append("at", Date.from(edit.at()))
                .append("body", edit.previousBody())),
        new UpdateOptions().upsert(true));
  }

  @Override
  public List<MessageEdit> edits(String roomId, long seq) {
    Document doc = edits.find(eq("_id", GapFreeKeys.key(roomId, seq))).first();
    if (doc == null) {
      return List.of();
    }
    return doc.getList("versions", Document.class).stream()
        .map(
            v ->
                new MessageEdit(
                    v.getString("editorId"), v.getDate("at").toInstant(), v.getString("body")))
        .toList();
  }

  @Override
  public void forgetEdits(String roomId, long seq) {
    edits.deleteOne(eq("_id", GapFreeKeys.key(roomId, seq)));
  }
}
