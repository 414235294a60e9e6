package io.parley.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is typing in which room, as one node has heard it. An indicator lapses {@link #LAPSE} after
 * its last typing event, and clears at once when that person's message arrives.
 */
public class TypingIndicator {

  /** How long an indicator lasts after the last typing event. */
  public static final Duration LAPSE = Duration.ofSeconds(6);

  private record Typist(String name, Instant until) {}

  private final Map<String, Map<String, Typist>> rooms = new ConcurrentHashMap<>();

  /** Someone typed; returns true if the room's indicator changed (a new typist). */
  public synchronized boolean typed(String roomId, String userId, String name, Instant at) {
    Map<String, Typist> typists = rooms.computeIfAbsent(roomId, r -> new LinkedHashMap<>());
    return typists.put(userId, new Typist(name, at.plus(LAPSE))) == null;
  }

  /** The person's message arrived; returns true if they were shown as typing. */
  public synchronized boolean posted(String roomId, String userId) {
    Map<String, Typist> typists = rooms.get(roomId);
    return typists != null && typists.remove(userId) != null;
  }

  /** Drops lapsed indicators; returns the rooms whose indicator changed. */
  public synchronized Set<String> expire(Instant now) {
    Set<String> changed = new HashSet<>();
    rooms.forEach(
        (room, typists) -> {
          if (typists.values().removeIf(t -> !t.until().isAfter(now))) {
            changed.add(room);
          }
        });
    rooms.values().removeIf(Map::isEmpty);
    return changed;
  }

  /** The names typing in the room, in the order they started, leaving out the viewer. */
  public synchronized List<String> typists(String roomId, String viewerId) {
    List<String> names = new ArrayList<>();
    rooms
        .getOrDefault(roomId, Map.of())
        .forEach(
            (id, t) -> {
              if (!id.equals(viewerId)) {
                names.add(t.name());
              }
            });
    return names;
  }

  /** "Alice is typing…", "Alice and Bob are typing…", "Several people are typing…", or "". */
  public static String describe(List<String> names) {
    return switch (names.size()) {
      case 0 -> "";
      case 1 -> names.get(0) + " is typing…";
      case 2 -> names.get(0) + " and " + names.get(1) + " are typing…";
      default -> "Several people are typing…";
    };
  }
}
