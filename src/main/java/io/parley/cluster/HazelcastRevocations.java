package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * People whose access was withdrawn, told to every node so their sockets close everywhere at once.
 * (Their tokens are refused anyway: the user record says disabled.)
 */
@ApplicationScoped
public class HazelcastRevocations {

  static final String TOPIC = "parley.revocations";

  @Inject HazelcastInstance hazelcast;

  public void publish(String userId) {
    topic().publish(userId);
  }

  public UUID subscribe(Consumer<String> consumer) {
    return topic().addMessageListener(event -> consumer.accept(event.getMessageObject()));
  }

  private ITopic<String> topic() {
    return hazelcast.getTopic(TOPIC);
  }
}
