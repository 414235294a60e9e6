package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.parley.emoji.CustomEmoji;
import io.parley.emoji.CustomEmojiStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/** Custom emoji in {@code custom_emoji}, keyed by name, each with its small PNG. */
public class MongoCustomEmojiStore implements CustomEmojiStore {

  private final MongoCollection<Document> emoji;

  public MongoCustomEmojiStore(MongoDatabase db) {
    this.emoji = db.getCollection(Collections.CUSTOM_EMOJI);
  }

  @Override
  public boolean add(CustomEmoji e, byte[] png) {
    try {
      emoji.insertOne(
          new Document("_id", e.name())
              .append("createdBy", e.createdBy())
              .append("createdAt", Date.from(e.createdAt()))
              .append("png", new Binary(png)));
      return true;
    } catch (MongoWriteException taken) {
      return false;
    }
  }

  @Override
  public List<CustomEmoji> all() {
    List<CustomEmoji> found = new ArrayList<>();
    emoji
        .find()
        .projection(Projections.exclude("png"))
        .sort(Sorts.ascending("_id"))
        .forEach(
            d ->
                found.add(
                    new CustomEmoji(
                        d.getString("_id"),
                        d.getString("createdBy"),
                        d.getDate("createdAt").toInstant())));
    return found;
  }

  @Override
  public Optional<byte[]> picture(String name) {
    Document d = emoji.find(eq("_id", name)).first();
    return d == null ? Optional.empty() : Optional.of(d.get("png", Binary.class).getData());
  }

  @Override
  public boolean delete(String name) {
    return emoji.deleteOne(eq("_id", name)).getDeletedCount() > 0;
  }
}
