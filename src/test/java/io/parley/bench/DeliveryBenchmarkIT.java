package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;

/**
 * A load figure for one node, printed, never asserted: senders post over their sockets at a fixed
 * rate into several rooms while many sockets watch them; it measures the time from send to
 * acknowledgement and from send to delivery at every watcher (HdrHistogram), the throughput reached
 * and the server's heap. It only asserts that every watcher got every message.
 */
class DeliveryBenchmarkIT {

  private static final int ROOMS = Integer.getInteger("bench.rooms", 10);
  private static final int WATCHERS_PER_ROOM = Integer.getInteger("bench.watchers", 20);
  private static final int RATE_PER_ROOM = Integer.getInteger("bench.rate", 5);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
  private static final Pattern BODY = Pattern.compile("<div class=\"body\"><p>bench (\\d+)</p>");

  @Test
  void deliveryLatencyAndThroughputOnOneNode() throws Exception {
    Recorder delivery = new Recorder(3);
    Recorder ack = new Recorder(3);
    AtomicLong delivered = new AtomicLong();
    List<LiveSocket> sockets = new ArrayList<>();
    List<Runnable> sends = new ArrayList<>();
    List<String> rooms = new ArrayList<>();
    for (int r = 0; r < ROOMS; r++) {
      TestUser sender = Parley.signIn(Parley.unique("Bench sender"));
      TestUser watcher = Parley.signIn(Parley.unique("Bench watcher"));
      String room = sender.createRoom(Parley.unique("bench"), "public");
      rooms.add(room);
      for (int w = 0; w < WATCHERS_PER_ROOM; w++) {
        LiveSocket s = LiveSocket.open(watcher);
        s.onFrame(
            frame -> {
              Matcher m = BODY.matcher(frame);
              if (m.find()) {
                delivery.recordValue(
                    Math.max(0, System.nanoTime() - Long.parseLong(m.group(1))) / 1000);
                delivered.incrementAndGet();
              }
            });
        s.resume(room, 0);
        sockets.add(s);
      }
      LiveSocket out = LiveSocket.open(sender);
      AtomicLong counter = new AtomicLong();
      java.util.Map<String, Long> sentAt = new java.util.concurrent.ConcurrentHashMap<>();
      out.onFrame(
          frame -> {
            Matcher m = Pattern.compile("data-client-msg-id=\"([^\"]+)\"").matcher(frame);
            if (frame.contains("status sent") && m.find()) {
              Long t = sentAt.remove(m.group(1));
              if (t != null) {
                ack.recordValue((System.nanoTime() - t) / 1000);
              }
            }
          });
      sockets.add(out);
      sends.add(
          () -> {
            String id = "b-" + counter.incrementAndGet();
            long now = System.nanoTime();
            sentAt.put(id, now);
            out.sendMessage(room, "bench " + now, id);
          });
    }
    Thread.sleep(1000); // let every watcher's resume land

    ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
    long periodMicros = 1_000_000L / RATE_PER_ROOM;
    for (Runnable send : sends) {
      pacer.scheduleAtFixedRate(send, 0, periodMicros, TimeUnit.MICROSECONDS);
    }
    long start = System.nanoTime();
    Thread.sleep(SECONDS * 1000L);
    pacer.shutdownNow();
    long sendSeconds = (System.nanoTime() - start) / 1_000_000_000L;
    awaitQuiet(delivered); // every queued send stored and delivered

    long stored = 0;
    TestUser reader = Parley.signIn(Parley.unique("Bench reader"));
    for (String room : rooms) {
      var page = reader.history(room, "?limit=1");
      stored += page.isEmpty() ? 0 : page.get(0).getJsonNumber("seq").longValue();
    }
    Histogram d = delivery.getIntervalHistogram();
    Histogram a = ack.getIntervalHistogram();
    String heap = metric("memory_usedHeap_bytes");
    String report =
        String.format(
            "Delivery benchmark, one node: %d rooms x %d watching sockets, %d msg/s per room for %d s%n"
                + "  stored %d messages (%.0f msg/s in), delivered %d (%.0f deliveries/s out)%n"
                + "  send->ack      p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms%n"
                + "  send->delivery p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms%n"
                + "  server heap used after the run: %s MB%n",
            ROOMS,
            WATCHERS_PER_ROOM,
            RATE_PER_ROOM,
            SECONDS,
            stored,
            stored / (double) sendSeconds,
            delivered.get(),
            delivered.get() / (double) sendSeconds,
            ms(a, 50),
            ms(a, 90),
            ms(a, 99),
            ms(a, 99.9),
            a.getMaxValue() / 1000.0,
            ms(d, 50),
            ms(d, 90),
            ms(d, 99),
            ms(d, 99.9),
            d.getMaxValue() / 1000.0,
            heap == null ? "?" : String.valueOf(Math.round(Double.parseDouble(heap) / 1e6)));
    System.out.print(report);
    Path out = Path.of("target/benchmark/report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    sockets.forEach(LiveSocket::close);

    assertEquals(
        stored * WATCHERS_PER_ROOM, delivered.get(), "every watcher got every message once");
  }

  /** Waits until no delivery arrived for two seconds. */
  private static void awaitQuiet(AtomicLong delivered) throws InterruptedException {
    long last = -1;
    for (int i = 0; i < 60 && delivered.get() != last; i++) {
      last = delivered.get();
      Thread.sleep(2000);
    }
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1000.0;
  }

  private static String metric(String name) {
    String body = Parley.metrics("base");
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.E+-]+)$").matcher(body);
    return m.find() ? m.group(1) : null;
  }
}
