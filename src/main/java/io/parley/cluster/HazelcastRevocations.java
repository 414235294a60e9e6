package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import io.parley.security.SessionRevocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Withdrawn access and ended sign-in sessions, told to every node so the sockets concerned close
 * everywhere at once. Withdrawn people's tokens are refused anyway (the user record says disabled);
 * ended sessions are kept in a cluster map until their last token would have expired.
 */
@ApplicationScoped
public class HazelcastRevocations implements SessionRevocations {

  static final String TOPIC = "parley.revocations";
  static final String SESSIONS = "parley.revoked-sessions";
  static final String SESSION_TOPIC = "parley.revoked-sessions";

  @Inject HazelcastInstance hazelcast;
  @Inject Clock clock;

  /** A person's access was withdrawn. */
  public void withdrawn(String userId) {
    topic().publish(userId);
  }

  /** Calls {@code consumer} on this node with every person whose access was withdrawn. */
  public UUID subscribeWithdrawn(Consumer<String> consumer) {
    return topic().addMessageListener(event -> consumer.accept(event.getMessageObject()));
  }

  @Override
  public void revoke(String sessionId, Instant until) {
    // A minute beyond expiry covers clocks a little apart between nodes.
    long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 60);
    sessions().set(sessionId, clock.millis(), seconds, TimeUnit.SECONDS);
    sessionTopic().publish(sessionId);
  }

  @Override
  public boolean isRevoked(String sessionId, Instant issuedAt) {
    Long signedOutAt = sessions().get(sessionId);
    // Token times have whole seconds: one issued in the second of the sign-out counts as before.
    return signedOutAt != null && issuedAt.getEpochSecond() <= signedOutAt / 1000;
  }

  @Override
  public void subscribe(Consumer<String> consumer) {
    sessionTopic().addMessageListener(event -> consumer.accept(event.getMessageObject()));
  }

  private ITopic<String> topic() {
    return hazelcast.getTopic(TOPIC);
  }

  private IMap<String, Long> sessions() {
    return hazelcast.getMap(SESSIONS);
  }

  private ITopic<String> sessionTopic() {
    return hazelcast.getTopic(SESSION_TOPIC);
  }
}
