package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.ReliableMessageListener;
import io.parley.messaging.Message;
import io.parley.messaging.MessageEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Cluster-wide announcement of stored messages on one Hazelcast reliable topic. Its ringbuffer is
 * replicated to a backup, so an announcement survives the death of the member that made it, and
 * every listener reads the topic in one order. Receivers still check seq and fill gaps from the
 * store, so a listener that falls behind loses nothing.
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
    return topic().addMessageListener(new Listener(consumer));
  }

  public void unsubscribe(UUID registration) {
    topic().removeMessageListener(registration);
  }

  private ITopic<Message> topic() {
    return hazelcast.getReliableTopic(TOPIC);
  }

  /** Keeps listening through overruns and errors: missed messages are refilled from MongoDB. */
  private record Listener(Consumer<Message> consumer) implements ReliableMessageListener<Message> {
    @Override
    public void onMessage(com.hazelcast.topic.Message<Message> event) {
      consumer.accept(event.getMessageObject());
    }

    @Override
    public long retrieveInitialSequence() {
      return -1; // only what is published from now on
    }

    @Override
    public void storeSequence(long sequence) {}

    @Override
    public boolean isLossTolerant() {
      return true;
    }

    @Override
    public boolean isTerminal(Throwable failure) {
      return false;
    }
  }
}
