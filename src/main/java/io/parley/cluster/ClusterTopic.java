package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;
import com.hazelcast.topic.ReliableMessageListener;
import io.parley.common.Broadcast;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One Hazelcast topic as a {@link Broadcast}. A plain topic is fire and forget; a reliable one
 * keeps a replicated ringbuffer, so an event survives the death of the member that published it and
 * every listener reads the topic in one order.
 */
class ClusterTopic<T> implements Broadcast<T> {

  private final HazelcastInstance hazelcast;
  private final String name;
  private final boolean reliable;

  ClusterTopic(HazelcastInstance hazelcast, String name, boolean reliable) {
    this.hazelcast = hazelcast;
    this.name = name;
    this.reliable = reliable;
  }

  @Override
  public void publish(T event) {
    topic().publish(event);
  }

  @Override
  public Subscription subscribe(Consumer<T> consumer) {
    ITopic<T> topic = topic();
    UUID id =
        topic.addMessageListener(
            reliable
                ? new LossTolerant<>(consumer)
                : event -> consumer.accept(event.getMessageObject()));
    return () -> {
      try {
        topic.removeMessageListener(id);
      } catch (RuntimeException e) {
        // the member is already shut down: nothing left to unsubscribe from
      }
    };
  }

  private ITopic<T> topic() {
    return reliable ? hazelcast.getReliableTopic(name) : hazelcast.getTopic(name);
  }

  /** Keeps listening through overruns and errors: what was missed is refilled from the store. */
  private record LossTolerant<T>(Consumer<T> consumer)
      implements ReliableMessageListener<T>, MessageListener<T> {
    @Override
    public void onMessage(Message<T> event) {
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
