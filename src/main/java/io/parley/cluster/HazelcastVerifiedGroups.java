package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.parley.users.VerifiedGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The groups of each person's last verified token in a cluster map, kept until it expires. */
@ApplicationScoped
public class HazelcastVerifiedGroups implements VerifiedGroups {

  static final String MAP = "parley.verified-groups";

  @Inject HazelcastInstance hazelcast;
  @Inject Clock clock;

  @Override
  public void record(String userId, Set<String> groups, Instant until) {
    long seconds = Duration.between(clock.instant(), until).toSeconds();
    if (seconds > 0) {
      map().set(userId, new HashSet<>(groups), seconds, TimeUnit.SECONDS);
    }
  }

  @Override
  public Set<String> of(String userId) {
    HashSet<String> groups = map().get(userId);
    return groups == null ? Set.of() : Set.copyOf(groups);
  }

  private IMap<String, HashSet<String>> map() {
    return hazelcast.getMap(MAP);
  }
}
