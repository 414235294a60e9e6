package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;
import com.hazelcast.topic.ReliableMessageListener;
import io.parley.common.Broadcast;
import io.parley.metrics.Tracing;
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

  /**
   * An event published inside a trace, with the trace's W3C traceparent, so the listeners on every
   * node continue it. Only sent while tracing is on: with it off the topics carry the bare events,
   * as nodes of earlier versions expect.
   */
  record Traced(Object event, String traceparent) implements java.io.Serializable {}

  @Override
  public void publish(T event) {
    String traceparent = Tracing.traceparent();
    topic().publish(traceparent == null ? event : new Traced(event, traceparent));
  }

  @SuppressWarnings("unchecked")
  private static <T> void handOver(Object received, Consumer<T> consumer) {
    if (received instanceof Traced traced) {
      Tracing.within(traced.traceparent(), () -> consumer.accept((T) traced.event()));
    } else {
      consumer.accept((T) received);
    }
  }

  @Override
  public Subscription subscribe(Consumer<T> consumer) {
    ITopic<Object> topic = topic();
    Consumer<Object> unwrapping = received -> handOver(received, consumer);
    UUID id =
        topic.addMessageListener(
            reliable
                ? new LossTolerant<>(unwrapping)
                : event -> unwrapping.accept(event.getMessageObject()));
    return () -> {
      try {
        topic.removeMessageListener(id);
      } catch (RuntimeException e) {
        // the member is already shut down: nothing left to unsubscribe from
      }
    };
  }

  private ITopic<Object> topic() {
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
