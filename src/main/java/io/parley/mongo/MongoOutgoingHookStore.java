package io.parley.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.integrations.HookDelivery;
import io.parley.integrations.OutgoingHook;
import io.parley.integrations.OutgoingHookStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Outgoing webhooks in {@code outgoing_hooks}; each delivery attempt in {@code hook_deliveries} (by
 * hook and time), of which only the newest {@link #KEPT} per hook are kept.
 */
public class MongoOutgoingHookStore implements OutgoingHookStore {

  static final int KEPT = 100;

  private final MongoCollection<Document> hooks;
  private final MongoCollection<Document> deliveries;

  public MongoOutgoingHookStore(MongoDatabase db) {
    this.hooks = db.getCollection(Collections.OUTGOING_HOOKS);
    this.deliveries = db.getCollection(Collections.HOOK_DELIVERIES);
  }

  @Override
  public void save(OutgoingHook h) {
    Document d =
        new Document("_id", h.id())
            .append("roomId", h.roomId())
            .append("name", h.name())
            .append("botId", h.botId())
            .append("url", h.url())
            .append("triggers", new ArrayList<>(h.triggers()))
            .append("secret", h.secret())
            .append("createdBy", h.createdBy())
            .append("createdAt", Date.from(h.createdAt()));
    hooks.replaceOne(eq("_id", h.id()), d, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<OutgoingHook> find(String id) {
    return Optional.ofNullable(hooks.find(eq("_id", id)).first()).map(MongoOutgoingHookStore::hook);
  }

  @Override
  public List<OutgoingHook> all() {
    List<OutgoingHook> found = new ArrayList<>();
    hooks.find().sort(Sorts.ascending("createdAt")).forEach(d -> found.add(hook(d)));
    return found;
  }

  @Override
  public void delete(String id) {
    hooks.deleteOne(eq("_id", id));
    deliveries.deleteMany(eq("hookId", id));
  }

  @Override
  public void logDelivery(HookDelivery x) {
    deliveries.insertOne(
        new Document("hookId", x.hookId())
            .append("deliveryId", x.deliveryId())
            .append("seq", x.seq())
            .append("attempt", x.attempt())
            .append("at", Date.from(x.at()))
            .append("status", x.status())
            .append("millis", x.millis())
            .append("error", x.error()));
    // Keep the newest KEPT: find the oldest of those, drop what is older (now and then suffices).
    if (x.attempt() == 1 && (x.seq() % 20 == 0)) {
      Document oldestKept =
          deliveries.find(eq("hookId", x.hookId())).sort(Sorts.descending("at")).skip(KEPT).first();
      if (oldestKept != null) {
        deliveries.deleteMany(and(eq("hookId", x.hookId()), lt("at", oldestKept.getDate("at"))));
      }
    }
  }

  @Override
  public List<HookDelivery> deliveries(String hookId, int limit) {
    List<HookDelivery> found = new ArrayList<>();
    deliveries
        .find(eq("hookId", hookId))
        .sort(Sorts.descending("at"))
        .limit(limit)
        .forEach(
            d ->
                found.add(
                    new HookDelivery(
                        d.getString("hookId"),
                        d.getString("deliveryId"),
                        d.get("seq", Number.class).longValue(),
                        d.getInteger("attempt", 1),
                        d.getDate("at").toInstant(),
                        d.getInteger("status", 0),
                        d.get("millis", Number.class).longValue(),
                        d.getString("error"))));
    return found;
  }

  private static OutgoingHook hook(Document d) {
    return new OutgoingHook(
        d.getString("_id"),
        d.getString("roomId"),
        d.getString("name"),
        d.getString("botId"),
        d.getString("url"),
        d.getList("triggers", String.class),
        d.getString("secret"),
        d.getString("createdBy"),
        d.getDate("createdAt").toInstant());
  }
}
