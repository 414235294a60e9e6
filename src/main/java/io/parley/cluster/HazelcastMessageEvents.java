package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.MessageListener;
import io.parley.messaging.Message;
import io.parley.messaging.MessageEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Cluster-wide announcement of stored messages on one Hazelcast topic. A room's messages are all
 * published by its sequencer member, and a topic keeps one publisher's order, so every node
 * receives a room in seq order; receivers still check seq and fill gaps from the store.
 */
@ApplicationScoped
public class HazelcastMessageEvents implements MessageEvents {

  static final String TOPIC = "parley.messages";

  @Inject HazelcastInstance hazelcast;

  @Override
  public void posted(Message message) {
    topic().publish(message);
  }

  /** Registers a node-local consumer of every posted message; returns its registration id. */
  public UUID subscribe(Consumer<Message> consumer) {
    MessageListener<Message> listener = event -> consumer.accept(event.getMessageObject());
    return topic().addMessageListener(listener);
  }

  public void unsubscribe(UUID registration) {
    topic().removeMessageListener(registration);
  }

  private ITopic<Message> topic() {
    return hazelcast.getTopic(TOPIC);
  }
}
