package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.parley.users.NameKeys;
import io.parley.users.User;
import io.parley.users.UserDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;

/** Users in the {@code users} collection, keyed by token subject. */
public class MongoUserDirectory implements UserDirectory {

  private final MongoCollection<Document> users;

  public MongoUserDirectory(MongoDatabase db) {
    this.users = db.getCollection(Collections.USERS);
  }

  @Override
  public void save(User user) {
    Document doc =
        new Document("_id", user.id())
            .append("username", user.username())
            .append("displayName", user.displayName())
            .append("groups", new ArrayList<>(user.groups()))
            .append("lastSignIn", Date.from(user.lastSignIn()))
            .append("status", user.status())
            .append("avatarVersion", user.avatarVersion())
            .append("nameKeys", NameKeys.of(user))
            .append("nameChosen", user.nameChosen())
            .append("disabled", user.disabled())
            .append("bot", user.bot());
    users.replaceOne(eq("_id", user.id()), doc, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<User> find(String id) {
    return Optional.ofNullable(users.find(eq("_id", id)).first()).map(MongoUserDirectory::toUser);
  }

  @Override
  public Optional<User> findByUsername(String username) {
    return Optional.ofNullable(users.find(eq("username", username)).first())
        .map(MongoUserDirectory::toUser);
  }

  @Override
  public List<User> search(String prefix, int limit) {
    // An anchored regex on the folded keys: a range on the multikey index on a real MongoDB.
    Pattern start = Pattern.compile("^" + Pattern.quote(NameKeys.fold(prefix)));
    List<User> found = new ArrayList<>();
    users
        .find(Filters.regex("nameKeys", start))
        .sort(Sorts.ascending("username"))
        .limit(limit)
        .forEach(d -> found.add(toUser(d)));
    return found;
  }

  /**
   * Gives people stored before the directory searched by {@code nameKeys} their keys, once (each
   * sign-in writes them anyway).
   */
  public MongoUserDirectory addMissingNameKeys() {
    List<User> missing = new ArrayList<>();
    users.find(Filters.exists("nameKeys", false)).forEach(d -> missing.add(toUser(d)));
    missing.forEach(
        u -> users.updateOne(eq("_id", u.id()), Updates.set("nameKeys", NameKeys.of(u))));
    return this;
  }

  @Override
  public Map<String, User> findAll(Collection<String> ids) {
    Map<String, User> found = new HashMap<>();
    if (!ids.isEmpty()) {
      users
          .find(in("_id", new HashSet<>(ids)))
          .forEach(
              d -> {
                User u = toUser(d);
                found.put(u.id(), u);
              });
    }
    return found;
  }

  @Override
  public List<String> idsInGroup(String group) {
    List<String> ids = new ArrayList<>();
    users
        .find(eq("groups", group))
        .projection(new Document("_id", 1))
        .forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }

  private static User toUser(Document d) {
    return new User(
        d.getString("_id"),
        d.getString("username"),
        d.getString("displayName"),
        new HashSet<>(d.getList("groups", String.class, new ArrayList<>())),
        d.getDate("lastSignIn").toInstant(),
        d.getString("status"),
        d.getString("avatarVersion"),
        d.getBoolean("nameChosen", false),
        d.getBoolean("disabled", false),
        d.getBoolean("bot", false));
  }
}
