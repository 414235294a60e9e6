package io.parley.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.parley.mongo.Collections;
import java.util.function.Consumer;

/**
 * The embedded store's engine in memory behind a real socket, with a driver client and Parley's
 * indexes: for tests of one Mongo adapter class.
 */
public final class WireStore implements AutoCloseable {

  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final MongoClient client;
  private final MongoDatabase db;

  public WireStore() {
    this(settings -> {});
  }

  /** {@code client} adds to the driver's settings (e.g. a command listener). */
  public WireStore(Consumer<MongoClientSettings.Builder> client) {
    var address = server.bind();
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder()
            .applyConnectionString(
                new ConnectionString("mongodb://127.0.0.1:" + address.getPort()));
    client.accept(settings);
    this.client = MongoClients.create(settings.build());
    this.db = this.client.getDatabase("parley-test");
    Collections.createIndexes(db);
  }

  public MongoDatabase db() {
    return db;
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
