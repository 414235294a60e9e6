package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.parley.rooms.Cooldowns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Slow-mode turns in a cluster map whose entries expire with the turn, so a person's next message
 * waits the same on every node. Lost with the cluster, like any soft state: at worst one message
 * comes early after every node restarted.
 */
@ApplicationScoped
public class HazelcastCooldowns implements Cooldowns {

  static final String TURNS = "parley.cooldowns";

  @Inject HazelcastInstance hazelcast;
  @Inject Clock clock;

  @Override
  public Duration start(String key, String token, Duration length) {
    IMap<String, String> turns = hazelcast.getMap(TURNS);
    String running = turns.putIfAbsent(key, token, length.toMillis(), TimeUnit.MILLISECONDS);
    if (running == null || running.equals(token)) {
      return Duration.ZERO;
    }
    var entry = turns.getEntryView(key);
    if (entry == null) {
      return Duration.ZERO.plusMillis(1); // ended just now: try again at once
    }
    long left = entry.getExpirationTime() - clock.millis();
    return Duration.ofMillis(Math.max(1, left));
  }
}
