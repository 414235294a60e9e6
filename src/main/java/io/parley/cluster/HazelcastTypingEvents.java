package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.parley.presence.Typing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Typing events on a plain Hazelcast topic: fire and forget, since a lost one only means an
 * indicator that shows a moment late; nothing about typing is ever stored.
 */
@ApplicationScoped
public class HazelcastTypingEvents {

  static final String TOPIC = "parley.typing";

  @Inject HazelcastInstance hazelcast;

  public void publish(Typing typing) {
    topic().publish(typing);
  }

  public UUID subscribe(Consumer<Typing> consumer) {
    return topic().addMessageListener(event -> consumer.accept(event.getMessageObject()));
  }

  public void unsubscribe(UUID registration) {
    topic().removeMessageListener(registration);
  }

  private ITopic<Typing> topic() {
    return hazelcast.getTopic(TOPIC);
  }
}
