package io.parley.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client that keeps posting through the API, one message every {@code pauseMillis}, retrying each
 * one with its clientMsgId until it is acknowledged, whatever happens to the server.
 */
public final class SteadySender implements AutoCloseable {

  private final TestUser user;
  private final String roomId;
  private final String prefix;
  private final long pauseMillis;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final java.util.Map<String, Long> seqs = new java.util.concurrent.ConcurrentHashMap<>();
  private final Thread thread;
  private volatile int retries;

  public SteadySender(TestUser user, String roomId, String prefix, long pauseMillis) {
    this.user = user;
    this.roomId = roomId;
    this.prefix = prefix;
    this.pauseMillis = pauseMillis;
    this.thread = new Thread(this::run, "steady-sender");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    for (int i = 1; running.get(); i++) {
      String body = prefix + " " + i;
      while (true) {
        try {
          var response = user.postMessage(roomId, body, prefix + "-" + i);
          int status = response.statusCode();
          if (status == 201 || status == 200) {
            seqs.put(body, Parley.json(response.body()).getJsonNumber("seq").longValue());
            acknowledged.add(body);
            break;
          }
        } catch (RuntimeException e) {
          // the server is down or going down: the same clientMsgId goes again
        }
        retries++;
        Parley.sleep(250);
      }
      Parley.sleep(pauseMillis);
    }
  }

  /** Waits until at least {@code count} messages were acknowledged. */
  public void awaitAcknowledged(int count, java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (acknowledged.size() < count && System.nanoTime() < deadline) {
      Parley.sleep(100);
    }
  }

  /** Stops after the message in flight; returns the bodies acknowledged, in order. */
  public List<String> stop() {
    running.set(false);
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.copyOf(acknowledged);
  }

  /** The seq each acknowledged body was acknowledged with. */
  public java.util.Map<String, Long> seqs() {
    return java.util.Map.copyOf(seqs);
  }

  public int acknowledgedCount() {
    return acknowledged.size();
  }

  public int retries() {
    return retries;
  }

  @Override
  public void close() {
    stop();
  }
}
