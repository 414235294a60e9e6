package io.parley.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

  /** A socket whose writes end when the test says so. */
  private static final class ManualSink implements OutboundQueue.Sink {
    final List<String> written = new ArrayList<>();
    final List<Consumer<Throwable>> pending = new ArrayList<>();
    final List<Integer> closes = new ArrayList<>();

    @Override
    public void write(String frame, Consumer<Throwable> done) {
      written.add(frame);
      pending.add(done);
    }

    @Override
    public void close(int code, String reason) {
      closes.add(code);
    }

    void complete(Throwable failure) {
      pending.remove(0).accept(failure);
    }
  }

  private final ManualSink sink = new ManualSink();
  private final AtomicInteger overflows = new AtomicInteger();
  private final OutboundQueue queue =
      new OutboundQueue(sink, 3, 100, overflows::incrementAndGet, Runnable::run);

  @Test
  void framesGoOutOneWriteAtATimeInOrderWhatQueuedUpTogether() {
    assertTrue(queue.offer("a"));
    assertTrue(queue.offer("b"));
    assertTrue(queue.offer("c"));
    assertEquals(List.of("a"), sink.written, "the next write waits for the one in flight");
    assertEquals(2, queue.depth());
    sink.complete(null);
    assertEquals(List.of("a", "bc"), sink.written, "what waited goes out as one frame");
    assertEquals(0, queue.depth());
    sink.complete(null);
    assertTrue(queue.offer("d"), "idle again: the next frame goes straight out");
    assertEquals(List.of("a", "bc", "d"), sink.written);
  }

  @Test
  void aBatchStopsAtItsSizeSoNoFrameGrowsWithoutBound() {
    OutboundQueue roomy =
        new OutboundQueue(sink, 100, 10_000_000, overflows::incrementAndGet, Runnable::run);
    String big = "x".repeat(OutboundQueue.BATCH_CHARS / 2);
    roomy.offer("first");
    roomy.offer(big);
    roomy.offer(big);
    roomy.offer(big);
    sink.complete(null);
    assertEquals(List.of("first", big + big), sink.written);
    sink.complete(null);
    assertEquals(List.of("first", big + big, big), sink.written);
  }

  @Test
  void aSinkThatCompletesInlineWritesEverythingWithoutRecursion() {
    List<String> written = new ArrayList<>();
    OutboundQueue inline =
        new OutboundQueue(
            new OutboundQueue.Sink() {
              @Override
              public void write(String frame, Consumer<Throwable> done) {
                written.add(frame);
                done.accept(null);
              }

              @Override
              public void close(int code, String reason) {}
            },
            3,
            100,
            () -> {},
            Runnable::run);
    for (int i = 0; i < 10_000; i++) {
      assertTrue(inline.offer("f" + i));
    }
    assertEquals(10_000, written.size());
    assertEquals("f9999", written.get(9_999));
  }

  @Test
  void tooManyWaitingFramesCloseTheSocketToCatchUpLater() {
    queue.offer("in flight");
    queue.offer("1");
    queue.offer("2");
    queue.offer("3");
    assertFalse(queue.offer("4"), "a fourth waiting frame is past the limit");
    assertEquals(1, overflows.get());
    assertEquals(List.of(OutboundQueue.TOO_SLOW), sink.closes);
    assertFalse(queue.offer("5"), "nothing more is queued for a finished socket");
    sink.complete(null);
    assertEquals(List.of("in flight"), sink.written, "what waited is dropped, not written");
  }

  @Test
  void tooManyWaitingCharactersCloseItToo() {
    queue.offer("in flight");
    queue.offer("x".repeat(60));
    assertFalse(queue.offer("y".repeat(60)), "120 characters waiting, the limit is 100");
    assertEquals(List.of(OutboundQueue.TOO_SLOW), sink.closes);
  }

  @Test
  void aFailedWriteClosesTheSocketAndDropsTheRest() {
    queue.offer("a");
    queue.offer("b");
    sink.complete(new IOException("broken pipe"));
    assertEquals(List.of(OutboundQueue.TOO_SLOW), sink.closes);
    assertEquals(List.of("a"), sink.written);
    assertFalse(queue.offer("c"));
  }

  @Test
  void aClosedSocketTakesNothingMore() {
    queue.finish();
    assertFalse(queue.offer("late"));
    assertTrue(sink.written.isEmpty());
    assertEquals(0, overflows.get());
  }
}
