package io.parley.common;

import java.util.function.Consumer;

/**
 * Events told to every node of the cluster: what one node publishes, every node's subscribers
 * receive (the cluster adapter carries them). Delivery is at most once; receivers that must not
 * miss anything (messages) fill gaps from the store.
 */
public interface Broadcast<T> {

  void publish(T event);

  /** Calls {@code consumer} on this node with every event published from now on. */
  Subscription subscribe(Consumer<T> consumer);

  /** Ends a subscription; closing one whose cluster is already gone does nothing. */
  interface Subscription extends AutoCloseable {
    Subscription NONE = () -> {};

    @Override
    void close();
  }
}
