package io.parley.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.parley.later.Reminder;
import io.parley.later.ReminderStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Reminders in {@code reminders}; firing is one conditional update (firedAt still unset). */
public class MongoReminderStore implements ReminderStore {

  private final MongoCollection<Document> reminders;

  public MongoReminderStore(MongoDatabase db) {
    this.reminders = db.getCollection(Collections.REMINDERS);
  }

  @Override
  public void save(Reminder r) {
    Document d =
        new Document("_id", r.id())
            .append("userId", r.userId())
            .append("roomId", r.roomId())
            .append("seq", r.seq())
            .append("dueAt", Date.from(r.dueAt()))
            .append("createdAt", Date.from(r.createdAt()))
            .append("fired", r.fired())
            .append("firedAt", r.firedAt() == null ? null : Date.from(r.firedAt()));
    reminders.replaceOne(eq("_id", r.id()), d, new ReplaceOptions().upsert(true));
  }

  @Override
  public List<Reminder> of(String userId) {
    return read(reminders.find(eq("userId", userId)).sort(Sorts.ascending("dueAt")));
  }

  @Override
  public List<Reminder> due(Instant now, int limit) {
    return read(
        reminders
            .find(and(eq("fired", false), lte("dueAt", Date.from(now))))
            .sort(Sorts.ascending("dueAt"))
            .limit(limit));
  }

  @Override
  public boolean markFired(String id, Instant at) {
    return reminders
            .updateOne(
                and(eq("_id", id), eq("fired", false)),
                Updates.combine(Updates.set("fired", true), Updates.set("firedAt", Date.from(at))))
            .getModifiedCount()
        == 1;
  }

  @Override
  public boolean delete(String userId, String id) {
    return reminders.deleteOne(and(eq("_id", id), eq("userId", userId))).getDeletedCount() > 0;
  }

  @Override
  public void deleteFiredBefore(Instant before) {
    reminders.deleteMany(and(ne("firedAt", null), lt("firedAt", Date.from(before))));
  }

  private static List<Reminder> read(Iterable<Document> docs) {
    List<Reminder> found = new ArrayList<>();
    for (Document d : docs) {
      Date fired = d.getDate("firedAt");
      found.add(
          new Reminder(
              d.getString("_id"),
              d.getString("userId"),
              d.getString("roomId"),
              d.getLong("seq"),
              d.getDate("dueAt").toInstant(),
              d.getDate("createdAt").toInstant(),
              fired == null ? null : fired.toInstant()));
    }
    return found;
  }
}
