package io.parley.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a room page does, over a real socket: shows every message it receives, and when the socket
 * drops it reconnects and resumes after the last message it shows. Records everything it shows,
 * duplicates included, so a test can prove there are none.
 */
public final class ReconnectingPage implements AutoCloseable {

  private static final Pattern MESSAGE =
      Pattern.compile(
          "id=\"msg-([0-9a-f-]+)-(\\d+)\"[^>]*>.*?<div class=\"body\"><p>(.*?)</p>",
          Pattern.DOTALL);

  private final TestUser user;
  private final String roomId;
  private final List<Long> shown = Collections.synchronizedList(new ArrayList<>());
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile int connections;

  public ReconnectingPage(TestUser user, String roomId) {
    this.user = user;
    this.roomId = roomId;
    this.thread = new Thread(this::run, "page-" + user.name());
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running.get()) {
      try (LiveSocket socket = LiveSocket.open(user).onFrame(this::frame)) {
        connections++;
        socket.resume(roomId, lastShown());
        while (running.get() && socket.isOpen()) {
          Parley.sleep(100);
        }
      } catch (RuntimeException e) {
        // server down: try again shortly, like the page's backoff
      }
      Parley.sleep(300);
    }
  }

  private void frame(String frame) {
    Matcher m = MESSAGE.matcher(frame);
    while (m.find()) {
      if (m.group(1).equals(roomId)) {
        shown.add(Long.parseLong(m.group(2)));
        bodies.add(m.group(3).strip());
      }
    }
  }

  private long lastShown() {
    synchronized (shown) {
      return shown.isEmpty() ? 0 : shown.get(shown.size() - 1);
    }
  }

  /** Waits until the page shows {@code count} messages (or more). */
  public void awaitShown(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (shown.size() < count && System.nanoTime() < deadline) {
      Parley.sleep(100);
    }
  }

  public List<Long> shown() {
    return List.copyOf(shown);
  }

  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  public int connections() {
    return connections;
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
