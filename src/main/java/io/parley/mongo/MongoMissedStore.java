package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.away.Missed;
import io.parley.away.MissedStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/** What people may have missed, in {@code missed}, keyed "userId/roomId/seq". */
public class MongoMissedStore implements MissedStore {

  private final MongoCollection<Document> missed;

  public MongoMissedStore(MongoDatabase db) {
    this.missed = db.getCollection(Collections.MISSED);
  }

  private static String key(Missed m) {
    return m.userId() + "/" + m.roomId() + "/" + m.seq();
  }

  @Override
  public void add(Missed m) {
    Document d =
        new Document("_id", key(m))
            .append("userId", m.userId())
            .append("roomId", m.roomId())
            .append("seq", m.seq())
            .append("kind", m.kind().name())
            .append("at", Date.from(m.at()));
    missed.replaceOne(eq("_id", key(m)), d, new ReplaceOptions().upsert(true));
  }

  @Override
  public List<String> peopleWithMissedBefore(Instant before, int limit) {
    Set<String> people = new LinkedHashSet<>();
    for (Document d :
        missed
            .find(lte("at", Date.from(before)))
            .projection(Projections.include("userId"))
            .sort(Sorts.ascending("at"))) {
      people.add(d.getString("userId"));
      if (people.size() >= limit) {
        break;
      }
    }
    return new ArrayList<>(people);
  }

  @Override
  public List<Missed> of(String userId) {
    List<Missed> found = new ArrayList<>();
    missed
        .find(eq("userId", userId))
        .sort(Sorts.ascending("at"))
        .forEach(
            d ->
                found.add(
                    new Missed(
                        userId,
                        d.getString("roomId"),
                        d.getLong("seq"),
                        Missed.Kind.valueOf(d.getString("kind")),
                        d.getDate("at").toInstant())));
    return found;
  }

  @Override
  public void remove(Collection<Missed> entries) {
    if (!entries.isEmpty()) {
      missed.deleteMany(in("_id", entries.stream().map(MongoMissedStore::key).toList()));
    }
  }
}
