package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.parley.away.AwaySettings;
import io.parley.away.AwaySettingsStore;
import io.parley.away.EmailFrequency;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Email choices in {@code away_settings} (one document per person, with when they were last
 * emailed); the unsubscribe signing key among the {@link MongoSecrets}.
 */
public class MongoAwaySettingsStore implements AwaySettingsStore {

  private final MongoCollection<Document> settings;
  private final MongoSecrets secrets;

  public MongoAwaySettingsStore(MongoDatabase db) {
    this.settings = db.getCollection(Collections.AWAY_SETTINGS);
    this.secrets = new MongoSecrets(db);
  }

  @Override
  public Optional<AwaySettings> find(String userId) {
    Document d = settings.find(eq("_id", userId)).first();
    if (d == null || !d.containsKey("frequency")) {
      return Optional.empty();
    }
    return Optional.of(
        new AwaySettings(
            userId,
            d.getString("email"),
            EmailFrequency.valueOf(d.getString("frequency")),
            d.getBoolean("includeText", true),
            d.getBoolean("alsoEmailPushed", false)));
  }

  @Override
  public void save(AwaySettings s) {
    settings.updateOne(
        eq("_id", s.userId()),
        Updates.combine(
            Updates.set("email", s.email()),
            Updates.set("frequency", s.frequency().name()),
            Updates.set("includeText", s.includeText()),
            Updates.set("alsoEmailPushed", s.alsoEmailPushed())),
        new UpdateOptions().upsert(true));
  }

  @Override
  public Optional<Instant> lastEmailed(String userId) {
    Document d = settings.find(eq("_id", userId)).first();
    return d == null || d.getDate("lastEmailedAt") == null
        ? Optional.empty()
        : Optional.of(d.getDate("lastEmailedAt").toInstant());
  }

  @Override
  public void emailed(String userId, Instant at) {
    settings.updateOne(
        eq("_id", userId),
        Updates.set("lastEmailedAt", Date.from(at)),
        new UpdateOptions().upsert(true));
  }

  @Override
  public byte[] signingKey() {
    return secrets.bytes(
        "unsubscribe",
        () -> {
          byte[] key = new byte[32];
          new SecureRandom().nextBytes(key);
          return key;
        });
  }
}
