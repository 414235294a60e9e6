package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.parley.users.Theme;
import io.parley.users.ThemeStore;
import java.util.Optional;
import org.bson.Document;

/** Display preferences in {@code preferences}, one document per person. */
public class MongoThemeStore implements ThemeStore {

  private final MongoCollection<Document> preferences;

  public MongoThemeStore(MongoDatabase db) {
    this.preferences = db.getCollection(Collections.PREFERENCES);
  }

  @Override
  public Optional<Theme> find(String userId) {
    Document d = preferences.find(eq("_id", userId)).first();
    return d == null || d.getString("theme") == null
        ? Optional.empty()
        : Optional.of(Theme.valueOf(d.getString("theme")));
  }

  @Override
  public void save(String userId, Theme theme) {
    preferences.updateOne(
        eq("_id", userId), Updates.set("theme", theme.name()), new UpdateOptions().upsert(true));
  }
}
