package io.parley.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** The sockets open on this node, indexed by the rooms they belong to or watch. */
@ApplicationScoped
public class LiveConnections {

  private final ConcurrentMap<String, LiveConnection> byId = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Set<LiveConnection>> byRoom = new ConcurrentHashMap<>();

  @Inject MetricRegistry metrics;

  void registerGauge(@Observes @Initialized(ApplicationScoped.class) Object started) {
    metrics.gauge("parley.sockets.open", byId, Map::size);
    // Counted where they happen; registered here so their series exist (at 0) from the start.
    for (String counter :
        new String[] {
          "parley.sockets.closed_too_slow",
          "parley.sockets.refused",
          "parley.sockets.closed_for_abuse",
          "parley.frames.refused"
        }) {
      metrics.counter(counter);
    }
    metrics.gauge("parley.rooms.live", byRoom, Map::size);
    metrics.gauge(
        "parley.sockets.queued_frames",
        byId,
        sockets -> sockets.values().stream().mapToLong(LiveConnection::queued).sum());
  }

  void add(LiveConnection connection) {
    byId.put(connection.id(), connection);
    connection.rooms().forEach(room -> index(connection, room));
  }

  void index(LiveConnection connection, String roomId) {
    byRoom.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(connection);
  }

  void unindex(LiveConnection connection, String roomId) {
    byRoom.computeIfPresent(
        roomId,
        (r, set) -> {
          set.remove(connection);
          return set.isEmpty() ? null : set;
        });
  }

  /** Removes the socket; returns it if it was still registered. */
  Optional<LiveConnection> remove(String sessionId) {
    LiveConnection connection = byId.remove(sessionId);
    if (connection != null) {
      connection
          .rooms()
          .forEach(
              room ->
                  byRoom.computeIfPresent(
                      room,
                      (r, set) -> {
                        set.remove(connection);
                        return set.isEmpty() ? null : set;
                      }));
    }
    return Optional.ofNullable(connection);
  }

  Optional<LiveConnection> get(String sessionId) {
    return Optional.ofNullable(byId.get(sessionId));
  }

  Collection<LiveConnection> all() {
    return byId.values();
  }

  Collection<LiveConnection> inRoom(String roomId) {
    return byRoom.getOrDefault(roomId, Set.of());
  }
}
