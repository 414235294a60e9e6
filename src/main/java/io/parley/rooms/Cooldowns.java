package io.parley.rooms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Turns that every node sees alike: one person's next message in a slow-mode room. */
public interface Cooldowns {

  /**
   * Starts a cooldown of {@code length} under {@code key} unless one is running. The same {@code
   * token} (a retried send) passes a cooldown it started itself.
   *
   * @return zero when the caller may go ahead, else the time left of the running cooldown
   */
  Duration start(String key, String token, Duration length);

  /** This JVM's cooldowns: for one node, and for tests. */
  static Cooldowns inMemory(Clock clock) {
    ConcurrentMap<String, Turn> turns = new ConcurrentHashMap<>();
    return (key, token, length) -> {
      Instant now = clock.instant();
      Turn turn =
          turns.compute(
              key,
              (k, running) ->
                  running == null || !now.isBefore(running.until())
                      ? new Turn(token, now.plus(length))
                      : running);
      if (turns.size() > 10_000) {
        turns.values().removeIf(t -> !now.isBefore(t.until()));
      }
      return turn.token().equals(token) ? Duration.ZERO : Duration.between(now, turn.until());
    };
  }

  /** A running cooldown: who started it and when it ends. */
  record Turn(String token, Instant until) {}
}
