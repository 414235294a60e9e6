package io.parley.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.away.PushSubscription;
import io.parley.away.PushSubscriptionStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Push subscriptions in {@code push_subscriptions}, one per person and endpoint. */
public class MongoPushSubscriptionStore implements PushSubscriptionStore {

  private final MongoCollection<Document> subscriptions;

  public MongoPushSubscriptionStore(MongoDatabase db) {
    this.subscriptions = db.getCollection(Collections.PUSH_SUBSCRIPTIONS);
  }

  @Override
  public void save(PushSubscription s) {
    Document d =
        new Document("_id", s.id())
            .append("userId", s.userId())
            .append("endpoint", s.endpoint())
            .append("p256dh", s.p256dh())
            .append("auth", s.auth())
            .append("label", s.label())
            .append("createdAt", Date.from(s.createdAt()));
    subscriptions.replaceOne(eq("_id", s.id()), d, new ReplaceOptions().upsert(true));
  }

  @Override
  public List<PushSubscription> of(String userId) {
    List<PushSubscription> found = new ArrayList<>();
    subscriptions
        .find(eq("userId", userId))
        .sort(Sorts.ascending("createdAt"))
        .forEach(
            d ->
                found.add(
                    new PushSubscription(
                        d.getString("_id"),
                        userId,
                        d.getString("endpoint"),
                        d.getString("p256dh"),
                        d.getString("auth"),
                        d.getString("label"),
                        d.getDate("createdAt").toInstant())));
    return found;
  }

  @Override
  public boolean delete(String userId, String id) {
    return subscriptions.deleteOne(and(eq("_id", id), eq("userId", userId))).getDeletedCount() > 0;
  }
}
