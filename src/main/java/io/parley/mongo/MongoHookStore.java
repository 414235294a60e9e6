package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.integrations.HookStore;
import io.parley.integrations.IncomingHook;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Incoming webhooks in {@code hooks}, keyed by id, found by room through the "room" index. */
public class MongoHookStore implements HookStore {

  private final MongoCollection<Document> hooks;

  public MongoHookStore(MongoDatabase db) {
    this.hooks = db.getCollection(Collections.HOOKS);
  }

  @Override
  public void save(IncomingHook hook) {
    hooks.replaceOne(eq("_id", hook.id()), toDocument(hook), new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<IncomingHook> find(String id) {
    return Optional.ofNullable(hooks.find(eq("_id", id)).first()).map(MongoHookStore::toHook);
  }

  @Override
  public List<IncomingHook> inRoom(String roomId) {
    List<IncomingHook> found = new ArrayList<>();
    hooks
        .find(eq("roomId", roomId))
        .sort(Sorts.ascending("createdAt"))
        .forEach(d -> found.add(toHook(d)));
    return found;
  }

  @Override
  public List<IncomingHook> all(int limit) {
    List<IncomingHook> found = new ArrayList<>();
    hooks
        .find()
        .sort(Sorts.descending("createdAt"))
        .limit(limit)
        .forEach(d -> found.add(toHook(d)));
    return found;
  }

  @Override
  public void delete(String id) {
    hooks.deleteOne(eq("_id", id));
  }

  private static Document toDocument(IncomingHook h) {
    return new Document("_id", h.id())
        .append("roomId", h.roomId())
        .append("name", h.name())
        .append("botId", h.botId())
        .append("secretHash", h.secretHash())
        .append("createdBy", h.createdBy())
        .append("createdAt", Date.from(h.createdAt()))
        .append("secretSetAt", Date.from(h.secretSetAt()));
  }

  private static IncomingHook toHook(Document d) {
    return new IncomingHook(
        d.getString("_id"),
        d.getString("roomId"),
        d.getString("name"),
        d.getString("botId"),
        d.getString("secretHash"),
        d.getString("createdBy"),
        d.getDate("createdAt").toInstant(),
        d.getDate("secretSetAt").toInstant());
  }
}
