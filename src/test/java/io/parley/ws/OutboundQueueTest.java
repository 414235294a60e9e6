package io.parley.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

  /** A sink whose writes end only when the test says so (a slow client). */
  private static final class HeldSink implements OutboundQueue.Sink {
    final List<String> written = new ArrayList<>();
    final List<Consumer<Throwable>> pending = new ArrayList<>();
    int closedWith;

    @Override
    public synchronized void write(String frame, Consumer<Throwable> done) {
      written.add(frame);
      pending.add(done);
    }

    @Override
    public void close(int code, String reason) {
      closedWith = code;
    }

    void completeNext(Throwable failure) {
      Consumer<Throwable> done;
      synchronized (this) {
        done = pending.remove(0);
      }
      done.accept(failure);
    }
  }

  @Test
  void framesGoOutOneAtATimeInOrder() {
    HeldSink sink = new HeldSink();
    OutboundQueue queue = new OutboundQueue(sink, 10, 1_000, () -> {}, Runnable::run);
    assertTrue(queue.offer("a"));
    assertTrue(queue.offer("b"));
    assertTrue(queue.offer("c"));
    assertEquals(List.of("a"), sink.written, "one write in flight at a time");
    assertEquals(2, queue.depth());
    sink.completeNext(null);
    assertEquals(List.of("a", "b"), sink.written);
    sink.completeNext(null);
    sink.completeNext(null);
    assertEquals(List.of("a", "b", "c"), sink.written);
    assertEquals(0, queue.depth());
    assertTrue(queue.offer("d"), "idle again: the next frame goes straight out");
    assertEquals(List.of("a", "b", "c", "d"), sink.written);
  }

  @Test
  void aSinkThatCompletesInlineWritesEverythingWithoutRecursion() {
    List<String> written = new ArrayList<>();
    OutboundQueue.Sink inline =
        new OutboundQueue.Sink() {
          @Override
          public void write(String frame, Consumer<Throwable> done) {
            written.add(frame);
            done.accept(null);
          }

          @Override
          public void close(int code, String reason) {}
        };
    OutboundQueue queue =
        new OutboundQueue(inline, 200_000, Long.MAX_VALUE, () -> {}, Runnable::run);
    for (int i = 0; i < 100_000; i++) {
      queue.offer("f" + i);
    }
    assertEquals(100_000, written.size());
    assertEquals("f99999", written.get(99_999));
  }

  @Test
  void aClientThatFallsTooFarBehindIsClosedWithTryAgainLaterAndNothingMoreIsQueued() {
    HeldSink sink = new HeldSink();
    AtomicInteger overflows = new AtomicInteger();
    OutboundQueue queue =
        new OutboundQueue(sink, 3, 1_000, overflows::incrementAndGet, Runnable::run);
    queue.offer("1"); // in flight
    queue.offer("2");
    queue.offer("3");
    queue.offer("4");
    assertFalse(queue.offer("5"), "the fourth waiting frame is one too many");
    assertEquals(OutboundQueue.TOO_SLOW, sink.closedWith);
    assertEquals(1, overflows.get());
    assertFalse(queue.offer("6"));
    sink.completeNext(null);
    assertEquals(List.of("1"), sink.written, "nothing more after the overflow");
  }

  @Test
  void theCharacterLimitCountsToo() {
    HeldSink sink = new HeldSink();
    OutboundQueue queue = new OutboundQueue(sink, 100, 10, () -> {}, Runnable::run);
    queue.offer("in flight, not counted");
    assertTrue(queue.offer("12345"));
    assertFalse(queue.offer("123456"));
    assertEquals(OutboundQueue.TOO_SLOW, sink.closedWith);
  }

  @Test
  void aFailedWriteFinishesTheQueue() {
    HeldSink sink = new HeldSink();
    OutboundQueue queue = new OutboundQueue(sink, 10, 1_000, () -> {}, Runnable::run);
    queue.offer("a");
    queue.offer("b");
    sink.completeNext(new java.io.IOException("broken pipe"));
    assertEquals(List.of("a"), sink.written);
    assertFalse(queue.offer("c"));
    assertEquals(OutboundQueue.TOO_SLOW, sink.closedWith, "closed, so the page reconnects");
  }

  @Test
  void concurrentOffersWithAsynchronousCompletionLoseNothingAndKeepEachSendersOrder()
      throws Exception {
    ExecutorService completer = Executors.newSingleThreadExecutor();
    List<String> written = new CopyOnWriteArrayList<>();
    OutboundQueue.Sink async =
        new OutboundQueue.Sink() {
          @Override
          public void write(String frame, Consumer<Throwable> done) {
            written.add(frame);
            completer.execute(() -> done.accept(null));
          }

          @Override
          public void close(int code, String reason) {}
        };
    OutboundQueue queue =
        new OutboundQueue(async, 100_000, Long.MAX_VALUE, () -> {}, Runnable::run);
    int threads = 4;
    int each = 5_000;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService offerers = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      int id = t;
      offerers.execute(
          () -> {
            try {
              start.await();
            } catch (InterruptedException e) {
              return;
            }
            for (int i = 0; i < each; i++) {
              queue.offer(id + ":" + i);
            }
          });
    }
    start.countDown();
    offerers.shutdown();
    assertTrue(offerers.awaitTermination(20, TimeUnit.SECONDS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (written.size() < threads * each && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    completer.shutdown();
    assertEquals(threads * each, written.size());
    int[] last = new int[threads];
    java.util.Arrays.fill(last, -1);
    for (String frame : written) {
      String[] parts = frame.split(":");
      int t = Integer.parseInt(parts[0]);
      int i = Integer.parseInt(parts[1]);
      assertEquals(last[t] + 1, i, "each sender's frames in order");
      last[t] = i;
    }
  }
}
