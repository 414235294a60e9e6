package io.parley.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.parley.messaging.DuplicateMessageException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/** Messages in the {@code messages} collection, one document each, indexed by room and seq. */
public class MongoMessageStore implements MessageStore {

  private final MongoCollection<Document> messages;

  public MongoMessageStore(MongoDatabase db) {
    this.messages = db.getCollection(io.parley.mongo.Collections.MESSAGES);
  }

  @Override
  public void insert(Message m) {
    Document doc =
        new Document("_id", m.id())
            .append("roomId", m.roomId())
            .append("seq", m.seq())
            .append("senderId", m.senderId())
            .append("body", m.body())
            .append("contentType", m.contentType())
            .append("createdAt", Date.from(m.createdAt()))
            .append("editedAt", m.editedAt() == null ? null : Date.from(m.editedAt()))
            .append("deleted", m.deleted())
            .append("clientMsgId", m.clientMsgId())
            .append("metadata", new Document(new HashMap<>(m.metadata())))
            .append("mentions", m.mentions());
    try {
      messages.insertOne(doc);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw new DuplicateMessageException(e.getMessage(), e);
      }
      throw e;
    }
  }

  @Override
  public Optional<Message> findByClientMsgId(String roomId, String senderId, String clientMsgId) {
    Document doc =
        messages
            .find(
                and(eq("roomId", roomId), eq("senderId", senderId), eq("clientMsgId", clientMsgId)))
            .first();
    return Optional.ofNullable(doc).map(MongoMessageStore::toMessage);
  }

  @Override
  public long lastSeq(String roomId) {
    Document doc =
        messages
            .find(eq("roomId", roomId))
            .sort(Sorts.descending("seq"))
            .projection(Projections.include("seq"))
            .limit(1)
            .first();
    return doc == null ? 0 : doc.getLong("seq");
  }

  @Override
  public List<Message> before(String roomId, long beforeSeq, int limit) {
    List<Message> page = new ArrayList<>(limit);
    messages
        .find(and(eq("roomId", roomId), lt("seq", beforeSeq)))
        .sort(Sorts.descending("seq"))
        .limit(limit)
        .forEach(doc -> page.add(toMessage(doc)));
    Collections.reverse(page);
    return page;
  }

  @Override
  public List<Message> after(String roomId, long afterSeq, int limit) {
    List<Message> page = new ArrayList<>(limit);
    messages
        .find(and(eq("roomId", roomId), gt("seq", afterSeq)))
        .sort(Sorts.ascending("seq"))
        .limit(limit)
        .forEach(doc -> page.add(toMessage(doc)));
    return page;
  }

  @Override
  public long countMentions(String roomId, String userId, long afterSeq) {
    return messages.countDocuments(
        and(eq("roomId", roomId), gt("seq", afterSeq), eq("mentions", userId)));
  }

  static Message toMessage(Document doc) {
    Document meta = doc.get("metadata", Document.class);
    Map<String, String> metadata = new HashMap<>();
    if (meta != null) {
      meta.forEach((k, v) -> metadata.put(k, String.valueOf(v)));
    }
    Date edited = doc.getDate("editedAt");
    return new Message(
        doc.getString("_id"),
        doc.getString("roomId"),
        doc.getLong("seq"),
        doc.getString("senderId"),
        doc.getString("body"),
        doc.getString("contentType"),
        doc.getDate("createdAt").toInstant(),
        edited == null ? null : edited.toInstant(),
        doc.getBoolean("deleted", false),
        doc.getString("clientMsgId"),
        metadata,
        doc.getList("mentions", String.class, List.of()));
  }
}
