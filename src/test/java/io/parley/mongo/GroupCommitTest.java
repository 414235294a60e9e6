package io.parley.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  @Test
  void aWriteIsAnsweredOnlyAfterAFlushThatBeganAfterIt() {
    List<String> events = new ArrayList<>();
    GroupCommit commits =
        new GroupCommit(() -> events.add("commit"), () -> events.add("force"), (w, n) -> {});
    String answer =
        commits.write(
            () -> {
              events.add("write");
              return "stored";
            });
    events.add("answered");
    assertEquals("stored", answer);
    assertEquals(List.of("write", "commit", "force", "answered"), events);
  }

  @Test
  void writersThatArriveTogetherShareFlushes() throws Exception {
    AtomicInteger flushes = new AtomicInteger();
    AtomicLong batched = new AtomicLong();
    GroupCommit commits =
        new GroupCommit(
            () -> {},
            () -> {
              flushes.incrementAndGet();
              Thread.sleep(5); // a slow disk: writers pile up behind the flush in progress
            },
            (writes, nanos) -> batched.addAndGet(writes));
    int writers = 16;
    int each = 20;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  commits.write(() -> null);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(writers * each, batched.get(), "every write made durable by some flush");
    assertTrue(
        flushes.get() < writers * each / 4,
        "writes shared flushes: " + flushes.get() + " flushes for " + writers * each + " writes");
  }

  @Test
  void aWriteWhoseFlushFailsIsNotAnswered() {
    AtomicInteger forced = new AtomicInteger();
    GroupCommit commits =
        new GroupCommit(
            () -> {},
            () -> {
              if (forced.incrementAndGet() == 1) {
                throw new java.io.IOException("disk full");
              }
            },
            (w, n) -> {});
    GroupCommit.StoreWriteFailed failed =
        assertThrows(GroupCommit.StoreWriteFailed.class, () -> commits.write(() -> "lost"));
    assertTrue(failed.getMessage().contains("disk full"));
    assertEquals("kept", commits.write(() -> "kept"), "the next write flushes again and is kept");
  }

  @Test
  void exclusiveWorkWaitsForWritesInProgress() throws Exception {
    GroupCommit commits = new GroupCommit(() -> {}, () -> {}, (w, n) -> {});
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger order = new AtomicInteger();
    Thread writer =
        new Thread(
            () ->
                commits.write(
                    () -> {
                      writing.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return order.compareAndSet(0, 1);
                    }));
    writer.start();
    writing.await();
    Thread exclusive = new Thread(() -> commits.exclusively(() -> order.compareAndSet(1, 2)));
    exclusive.start();
    Thread.sleep(100);
    assertEquals(0, order.get(), "the exclusive work has not run while the write is halfway");
    release.countDown();
    writer.join(10_000);
    exclusive.join(10_000);
    assertEquals(2, order.get(), "it ran after the write, never inside it");
  }
}
