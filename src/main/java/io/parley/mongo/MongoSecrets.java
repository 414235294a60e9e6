package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Base64;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The cluster's secrets in {@code secrets} (signing keys): made once by whichever node asks first;
 * a second node's insert loses to the first, and it reads the winner's.
 */
public class MongoSecrets {

  private final MongoCollection<Document> secrets;

  public MongoSecrets(MongoDatabase db) {
    this.secrets = db.getCollection(Collections.SECRETS);
  }

  public byte[] bytes(String name, Supplier<byte[]> make) {
    Document found = secrets.find(eq("_id", name)).first();
    if (found == null) {
      try {
        secrets.insertOne(
            new Document("_id", name)
                .append("key", Base64.getEncoder().encodeToString(make.get())));
      } catch (MongoWriteException lost) {
        // another node made it first: use theirs
      }
      found = secrets.find(eq("_id", name)).first();
    }
    return Base64.getDecoder().decode(found.getString("key"));
  }
}
