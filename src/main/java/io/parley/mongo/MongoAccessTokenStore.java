package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.parley.users.AccessToken;
import io.parley.users.AccessTokenStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Access tokens in {@code access_tokens}, keyed by their id, found by owner through "user". */
public class MongoAccessTokenStore implements AccessTokenStore {

  private final MongoCollection<Document> tokens;

  public MongoAccessTokenStore(MongoDatabase db) {
    this.tokens = db.getCollection(Collections.ACCESS_TOKENS);
  }

  @Override
  public void save(AccessToken t) {
    List<String> scopes = new ArrayList<>();
    t.scopes().forEach(s -> scopes.add(s.name()));
    Document d =
        new Document("_id", t.id())
            .append("userId", t.userId())
            .append("name", t.name())
            .append("scopes", scopes)
            .append("secretHash", t.secretHash())
            .append("createdBy", t.createdBy())
            .append("createdAt", Date.from(t.createdAt()))
            .append("expiresAt", Date.from(t.expiresAt()))
            .append("lastUsedAt", t.lastUsedAt() == null ? null : Date.from(t.lastUsedAt()));
    tokens.replaceOne(eq("_id", t.id()), d, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<AccessToken> find(String id) {
    return Optional.ofNullable(tokens.find(eq("_id", id)).first())
        .map(MongoAccessTokenStore::token);
  }

  @Override
  public List<AccessToken> of(String userId) {
    List<AccessToken> found = new ArrayList<>();
    tokens
        .find(eq("userId", userId))
        .sort(Sorts.descending("createdAt"))
        .forEach(d -> found.add(token(d)));
    return found;
  }

  @Override
  public void delete(String id) {
    tokens.deleteOne(eq("_id", id));
  }

  @Override
  public void touch(String id, Instant usedAt) {
    tokens.updateOne(eq("_id", id), Updates.set("lastUsedAt", Date.from(usedAt)));
  }

  private static AccessToken token(Document d) {
    EnumSet<AccessToken.Scope> scopes = EnumSet.noneOf(AccessToken.Scope.class);
    d.getList("scopes", String.class).forEach(s -> scopes.add(AccessToken.Scope.valueOf(s)));
    Date used = d.getDate("lastUsedAt");
    return new AccessToken(
        d.getString("_id"),
        d.getString("userId"),
        d.getString("name"),
        scopes,
        d.getString("secretHash"),
        d.getString("createdBy"),
        d.getDate("createdAt").toInstant(),
        d.getDate("expiresAt").toInstant(),
        used == null ? null : used.toInstant());
  }
}
