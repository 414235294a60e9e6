package io.parley.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.Broadcast.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every feed's shape: events leave the publishing thread, keep their order per lane, and stop. */
class FeedTest {

  /** A stream in memory: publishing calls the subscribers on the publisher's thread. */
  private static final class Stream {
    final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();

    Subscription subscribe(Consumer<String> consumer) {
      subscribers.add(consumer);
      return () -> subscribers.remove(consumer);
    }

    void publish(String event) {
      subscribers.forEach(s -> s.accept(event));
    }
  }

  private static final class Recording extends Feed {
    final Stream stream;
    final List<String> handled = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final CountDownLatch done;
    boolean stoppedToo;

    Recording(Stream stream, int expected) {
      this.stream = stream;
      this.done = new CountDownLatch(expected);
    }

    @Override
    protected void follow() {
      on(stream::subscribe, event -> event.substring(0, 1), this::handle);
    }

    private void handle(String event) {
      threads.add(Thread.currentThread());
      handled.add(event);
      done.countDown();
    }

    @Override
    protected void stopped() {
      stoppedToo = true;
    }
  }

  @Test
  void eventsAreHandledOnALaneInTheirOrderAndStopWithTheFeed() throws Exception {
    DeliveryLanes lanes = new DeliveryLanes();
    lanes.start();
    Stream stream = new Stream();
    Recording feed = new Recording(stream, 200);
    feed.lanes = lanes;
    feed.start(new Object());
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sent.add("a" + i);
      sent.add("b" + i);
    }
    sent.forEach(stream::publish);
    assertTrue(feed.done.await(10, TimeUnit.SECONDS));
    feed.threads.forEach(t -> assertNotEquals(Thread.currentThread(), t, "not the publisher"));
    assertEquals(
        sent.stream().filter(e -> e.startsWith("a")).toList(),
        feed.handled.stream().filter(e -> e.startsWith("a")).toList(),
        "one lane keeps its events in order");

    feed.stop();
    assertTrue(stream.subscribers.isEmpty(), "unsubscribed");
    assertTrue(feed.stoppedToo);
  }
}
