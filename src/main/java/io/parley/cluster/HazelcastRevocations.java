package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.parley.common.Broadcast.Subscription;
import io.parley.users.SessionRevocations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ended sign-in sessions, kept in a cluster map until their last token would have expired, and told
 * to every node so the session's sockets close everywhere at once.
 */
@ApplicationScoped
public class HazelcastRevocations implements SessionRevocations {

  static final String SESSIONS = "parley.revoked-sessions";

  @Inject HazelcastInstance hazelcast;
  @Inject Clock clock;

  private ClusterTopic<String> signedOut;

  @PostConstruct
  void init() {
    signedOut = new ClusterTopic<>(hazelcast, SESSIONS, false);
  }

  @Override
  public void revoke(String sessionId, Instant until) {
    // A minute beyond expiry covers clocks a little apart between nodes.
    long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 60);
    sessions().set(sessionId, clock.millis(), seconds, TimeUnit.SECONDS);
    signedOut.publish(sessionId);
  }

  @Override
  public boolean isRevoked(String sessionId, Instant issuedAt) {
    Long signedOutAt = sessions().get(sessionId);
    // Token times have whole seconds: one issued in the second of the sign-out counts as before.
    return signedOutAt != null && issuedAt.getEpochSecond() <= signedOutAt / 1000;
  }

  @Override
  public Subscription subscribe(Consumer<String> consumer) {
    return signedOut.subscribe(consumer);
  }

  private IMap<String, Long> sessions() {
    return hazelcast.getMap(SESSIONS);
  }
}
