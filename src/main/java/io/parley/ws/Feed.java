package io.parley.ws;

import io.parley.common.Broadcast.Subscription;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one shape of every socket feed: it follows cluster streams ({@link #on}), and each event is
 * handed to a delivery lane keyed by what must stay in order (a room, a person), so that nothing
 * (store reads, rendering, closing sockets) runs on Hazelcast's listener thread. Subscriptions open
 * when the application starts and close when it stops. (No method here is final: the feeds are
 * application-scoped beans, which CDI proxies.)
 */
abstract class Feed {

  @Inject DeliveryLanes lanes;

  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    follow();
  }

  /** Subscribes to what the feed follows, each stream with {@link #on}. */
  protected abstract void follow();

  /**
   * Follows a stream ({@code subscribe}: its subscribe method): each event is handled on the lane
   * {@code lane} names for it.
   */
  protected <E> void on(
      Function<Consumer<E>, Subscription> subscribe, Function<E, String> lane, Consumer<E> handle) {
    subscriptions.add(
        subscribe.apply(event -> lanes.execute(lane.apply(event), () -> handle.accept(event))));
  }

  @PreDestroy
  void stop() {
    subscriptions.forEach(Subscription::close);
    subscriptions.clear();
    stopped();
  }

  /** What else the feed stops (a sweeper); nothing by default. */
  protected void stopped() {}
}
