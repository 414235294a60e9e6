package io.parley.app;

import io.parley.lucene.LuceneMessageIndex;
import io.parley.messaging.ChangeLog;
import io.parley.messaging.MessageHistory;
import io.parley.mongo.StoreSettings;
import io.parley.rooms.RoomService;
import io.parley.search.MessageIndex;
import io.parley.search.SearchIndexer;
import io.parley.search.SearchService;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The search index of this node and the services around it. The index lives on local disk: {@code
 * parley.search.dir}, or by default a directory in the data directory named after this node's
 * cluster port, so nodes sharing a machine (and its data directory) keep one index each.
 */
@ApplicationScoped
public class SearchWiring {

  @Produces
  @Singleton
  MessageIndex index(
      StoreSettings store,
      @ConfigProperty(name = "parley.search.dir") Optional<String> dir,
      @ConfigProperty(name = "parley.hazelcast.port", defaultValue = "5701") int clusterPort) {
    Path path =
        dir.filter(d -> !d.isBlank())
            .map(d -> Path.of(d).toAbsolutePath())
            .orElse(store.dataDir().resolve("search-index").resolve("node-" + clusterPort));
    return LuceneMessageIndex.open(path);
  }

  @Produces
  @Singleton
  SearchIndexer indexer(
      MessageIndex index,
      MessageHistory store,
      ChangeLog changes,
      RoomService rooms,
      @ConfigProperty(name = "parley.search.queue", defaultValue = "100000") int queue) {
    return new SearchIndexer(index, store, changes, rooms.listings()::allRoomIds, queue);
  }

  @Produces
  @Singleton
  io.parley.search.MessageArchive archive(
      MessageHistory store,
      MessageIndex index,
      UserService users,
      io.parley.audit.AuditLog audit,
      io.parley.messaging.HeldMessages held,
      java.time.Clock clock) {
    return new io.parley.search.MessageArchive(store, index, users::isAdministrator, audit, clock)
        .withHeld(held);
  }

  @Produces
  @Singleton
  SearchService search(
      MessageIndex index, MessageHistory store, RoomService rooms, UserService users) {
    return new SearchService(
        index,
        store,
        rooms,
        username -> {
          try {
            return Optional.of(users.requireByUsername(username)).map(User::id);
          } catch (io.parley.common.DomainException e) {
            return Optional.empty();
          }
        });
  }
}
