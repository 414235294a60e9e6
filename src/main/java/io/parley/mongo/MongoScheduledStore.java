package io.parley.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.later.ScheduledMessage;
import io.parley.later.ScheduledStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Scheduled messages in {@code scheduled_messages}. */
public class MongoScheduledStore implements ScheduledStore {

  private final MongoCollection<Document> scheduled;

  public MongoScheduledStore(MongoDatabase db) {
    this.scheduled = db.getCollection(Collections.SCHEDULED_MESSAGES);
  }

  @Override
  public void save(ScheduledMessage m) {
    Document d =
        new Document("_id", m.id())
            .append("userId", m.userId())
            .append("roomId", m.roomId())
            .append("threadOf", m.threadOf())
            .append("body", m.body())
            .append("sendAt", Date.from(m.sendAt()))
            .append("createdAt", Date.from(m.createdAt()))
            .append("failed", m.failure() != null)
            .append("failure", m.failure());
    scheduled.replaceOne(eq("_id", m.id()), d, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<ScheduledMessage> find(String id) {
    return Optional.ofNullable(scheduled.find(eq("_id", id)).first())
        .map(MongoScheduledStore::message);
  }

  @Override
  public List<ScheduledMessage> of(String userId) {
    return read(scheduled.find(eq("userId", userId)).sort(Sorts.ascending("sendAt")));
  }

  @Override
  public List<ScheduledMessage> due(Instant now, int limit) {
    return read(
        scheduled
            .find(and(eq("failed", false), lte("sendAt", Date.from(now))))
            .sort(Sorts.ascending("sendAt"))
            .limit(limit));
  }

  @Override
  public void delete(String id) {
    scheduled.deleteOne(eq("_id", id));
  }

  private static List<ScheduledMessage> read(Iterable<Document> docs) {
    List<ScheduledMessage> found = new ArrayList<>();
    docs.forEach(d -> found.add(message(d)));
    return found;
  }

  private static ScheduledMessage message(Document d) {
    return new ScheduledMessage(
        d.getString("_id"),
        d.getString("userId"),
        d.getString("roomId"),
        d.getLong("threadOf"),
        d.getString("body"),
        d.getDate("sendAt").toInstant(),
        d.getDate("createdAt").toInstant(),
        d.getString("failure"));
  }
}
