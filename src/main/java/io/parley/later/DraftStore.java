package io.parley.later;

import java.time.Instant;
import java.util.Optional;

/** Unsent text, one per person, room and thread ({@code threadOf} 0: the room's composer). */
public interface DraftStore {

  void save(String userId, String roomId, long threadOf, String text, Instant at);

  Optional<String> find(String userId, String roomId, long threadOf);

  void delete(String userId, String roomId, long threadOf);
}
