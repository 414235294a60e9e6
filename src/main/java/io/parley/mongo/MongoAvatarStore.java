package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.users.Avatar;
import io.parley.users.AvatarStore;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/** Avatars in {@code avatars}, one small binary document per user. */
public class MongoAvatarStore implements AvatarStore {

  private final MongoCollection<Document> avatars;

  public MongoAvatarStore(MongoDatabase db) {
    this.avatars = db.getCollection(Collections.AVATARS);
  }

  @Override
  public void save(String userId, Avatar avatar) {
    Document doc =
        new Document("_id", userId)
            .append("contentType", avatar.contentType())
            .append("version", avatar.version())
            .append("data", new Binary(avatar.bytes()));
    avatars.replaceOne(eq("_id", userId), doc, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<Avatar> find(String userId) {
    return Optional.ofNullable(avatars.find(eq("_id", userId)).first())
        .map(
            d ->
                new Avatar(
                    d.getString("contentType"),
                    d.get("data", Binary.class).getData(),
                    d.getString("version")));
  }

  @Override
  public void delete(String userId) {
    avatars.deleteOne(eq("_id", userId));
  }
}
