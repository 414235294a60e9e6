package io.parley.app;

import io.parley.audit.AuditLog;
import io.parley.files.FileService;
import io.parley.mongo.MongoConnection;
import io.parley.mongo.MongoMessageStores;
import io.parley.mongo.MongoRetentionStore;
import io.parley.retention.Purges;
import io.parley.retention.RetentionService;
import io.parley.rooms.RoomService;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Retention with its settings store; {@code parley.retention.default-days} 0 keeps forever. */
@ApplicationScoped
public class RetentionWiring {

  @Produces
  @Singleton
  RetentionService retention(
      MongoConnection mongo,
      RoomService rooms,
      UserService users,
      FileService files,
      io.parley.messaging.HeldMessages held,
      Purges purges,
      AuditLog audit,
      Clock clock,
      @ConfigProperty(name = "parley.retention.default-days", defaultValue = "0") int defaultDays) {
    // Reads the store itself, not the recent-message cache (old pages must not fill it); every
    // node's cache drops a purged room's tail when the purge is announced.
    return new RetentionService(
            new MongoRetentionStore(mongo.database()),
            MongoMessageStores.open(mongo.database()),
            rooms.listings()::allRoomIds,
            users::isAdministrator,
            files::discard,
            purges::publish,
            audit,
            clock,
            defaultDays)
        .keepingHeldIn(held);
  }
}
