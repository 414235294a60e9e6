package io.parley.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The one MongoDB client of this node. With MONGO_URI it connects there (majority writes, so an
 * acknowledged message survives a primary failover); without, it starts the embedded store.
 */
@ApplicationScoped
public class MongoConnection {

  private static final Logger LOG = Logger.getLogger(MongoConnection.class.getName());

  @Inject StoreSettings settings;
  @Inject org.eclipse.microprofile.metrics.MetricRegistry metrics;

  private EmbeddedMongo embedded;
  private MongoClient client;
  private MongoDatabase database;

  @PostConstruct
  void connect() {
    String uri =
        settings
            .mongoUri()
            .orElseGet(
                () -> {
                  embedded = startEmbedded();
                  return embedded.uri();
                });
    open(uri);
  }

  /** The embedded store; a file that does not open stops the start with what to do, once. */
  private EmbeddedMongo startEmbedded() {
    try {
      return EmbeddedMongo.start(
          settings.dataDir(),
          settings.embeddedHost(),
          settings.embeddedPort(),
          new EmbeddedMongo.Durability(settings.embeddedFsync(), commitMetrics()));
    } catch (StoreFile.StoreWillNotOpen e) {
      LOG.severe(e.getMessage());
      throw e;
    }
  }

  private void open(String uri) {
    MongoClientSettings clientSettings =
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .writeConcern(WriteConcern.MAJORITY.withJournal(true))
            .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
            .addCommandListener(new CommandMetrics(metrics))
            .build();
    client = MongoClients.create(clientSettings);
    database = client.getDatabase(settings.database());
    Collections.createIndexes(database);
    long lists = MongoRoomDirectory.addMissingMemberLists(database);
    if (lists > 0) {
      LOG.info(() -> "Listed the members of stored rooms (" + lists + " lists)");
    }
    long receiptLists = MongoReceiptStore.addMissingReceiptLists(database);
    if (receiptLists > 0) {
      LOG.info(() -> "Listed the read marks of stored receipts (" + receiptLists + " lists)");
    }
    long keyed = MessageDocuments.addMissingKeys(database);
    if (keyed > 0) {
      LOG.info(() -> "Gave " + keyed + " stored messages their room/seq key");
    }
    LOG.info(
        () ->
            "MongoDB ready: database "
                + settings.database()
                + (embedded != null ? " (embedded)" : ""));
  }

  public MongoDatabase database() {
    return database;
  }

  /** The embedded store, when this node runs on it (no MONGO_URI). */
  public java.util.Optional<EmbeddedMongo> embedded() {
    return java.util.Optional.ofNullable(embedded);
  }

  /** Each group commit's size (writes made durable together) and time, for the store's metrics. */
  private GroupCommit.Observer commitMetrics() {
    org.eclipse.microprofile.metrics.Histogram batch =
        metrics.histogram("parley.store.commit.batch");
    org.eclipse.microprofile.metrics.Timer flush = metrics.timer("parley.store.commit.duration");
    return (writes, nanos) -> {
      batch.update(writes);
      flush.update(java.time.Duration.ofNanos(nanos));
    };
  }

  @PreDestroy
  void close() {
    if (client != null) {
      client.close();
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
