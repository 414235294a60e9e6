package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.users.GroupStore;
import io.parley.users.UserGroup;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** User groups in {@code user_groups}, keyed by handle. */
public class MongoGroupStore implements GroupStore {

  private final MongoCollection<Document> groups;

  public MongoGroupStore(MongoDatabase db) {
    this.groups = db.getCollection(Collections.USER_GROUPS);
  }

  @Override
  public void save(UserGroup g) {
    Document d =
        new Document("_id", g.handle())
            .append("name", g.name())
            .append("memberIds", new ArrayList<>(g.memberIds()))
            .append("idpGroup", g.idpGroup())
            .append("createdBy", g.createdBy())
            .append("createdAt", Date.from(g.createdAt()));
    groups.replaceOne(eq("_id", g.handle()), d, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<UserGroup> find(String handle) {
    return Optional.ofNullable(groups.find(eq("_id", handle)).first()).map(MongoGroupStore::group);
  }

  @Override
  public List<UserGroup> all() {
    List<UserGroup> found = new ArrayList<>();
    groups.find().sort(Sorts.ascending("_id")).forEach(d -> found.add(group(d)));
    return found;
  }

  @Override
  public void delete(String handle) {
    groups.deleteOne(eq("_id", handle));
  }

  private static UserGroup group(Document d) {
    return new UserGroup(
        d.getString("_id"),
        d.getString("name"),
        new HashSet<>(d.getList("memberIds", String.class)),
        d.getString("idpGroup"),
        d.getString("createdBy"),
        d.getDate("createdAt").toInstant());
  }
}
