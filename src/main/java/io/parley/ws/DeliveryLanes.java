package io.parley.ws;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parley's own threads for delivering cluster events to this node's sockets. Hazelcast's listener
 * threads only hand an event over; rendering, store reads and socket queueing happen here. Events
 * with the same key (a room) share one lane, so they are handled in the order they came. A full
 * lane makes the handing thread wait, which slows the topic instead of dropping events.
 */
@ApplicationScoped
public class DeliveryLanes {

  private static final Logger LOG = Logger.getLogger(DeliveryLanes.class.getName());
  private static final int CAPACITY = 10_000;
  private static final int WRITERS = 8;

  private ThreadPoolExecutor[] lanes;
  private ExecutorService writers;

  @PostConstruct
  void start() {
    int count = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger writerIds = new AtomicInteger();
    // Writes block while a client's TCP buffer is full: enough writers that a few slow clients
    // leave the rest going (their queues overflow and close them long before all are stuck).
    writers =
        Executors.newFixedThreadPool(
            WRITERS,
            r -> {
              Thread t = new Thread(r, "parley-socket-writer-" + writerIds.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    lanes = new ThreadPoolExecutor[count];
    for (int i = 0; i < count; i++) {
      String name = "parley-delivery-" + i;
      lanes[i] =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(CAPACITY),
              r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
              },
              (task, lane) -> waitForRoom(task, lane));
    }
  }

  /** Runs {@code task} on the lane of {@code key}, after the tasks handed to it before. */
  public void execute(String key, Runnable task) {
    lanes[Math.floorMod(key.hashCode(), lanes.length)].execute(
        io.parley.metrics.Tracing.carried( // a traced event stays in its trace on the lane
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "delivering an event failed", e);
              }
            }));
  }

  /** The threads that write to sockets, one frame of one socket at a time (see OutboundQueue). */
  public Executor writers() {
    return writers;
  }

  private static void waitForRoom(Runnable task, ThreadPoolExecutor lane) {
    if (lane.isShutdown()) {
      return; // stopping: nothing is delivered any more
    }
    try {
      lane.getQueue().put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RejectedExecutionException("interrupted while the delivery lane was full", e);
    }
  }

  @PreDestroy
  void stop() {
    for (ThreadPoolExecutor lane : lanes) {
      lane.shutdownNow();
    }
    writers.shutdownNow();
  }
}
