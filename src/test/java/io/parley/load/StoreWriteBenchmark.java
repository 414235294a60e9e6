package io.parley.load;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.parley.mongo.EmbeddedMongo;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.bson.Document;

/**
 * The embedded store's acknowledged-write path alone: W writers each inserting message-sized
 * documents (two unique indexes, as messages have) one at a time for S seconds, through the wire.
 * Prints throughput, latency percentiles, the group commits' batch sizes and CPU per write.
 *
 * <p>{@code java ... StoreWriteBenchmark <dir> [writers] [seconds]}
 */
public final class StoreWriteBenchmark {

  private StoreWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int writers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    AtomicLong flushes = new AtomicLong();
    AtomicLong flushed = new AtomicLong();
    try (EmbeddedMongo store =
            EmbeddedMongo.start(
                dir,
                "127.0.0.1",
                0,
                new EmbeddedMongo.Durability(
                    true,
                    (writes, nanos) -> {
                      flushes.incrementAndGet();
                      flushed.addAndGet(writes);
                    }));
        MongoClient client = MongoClients.create(store.uri())) {
      MongoCollection<Document> messages = client.getDatabase("parley").getCollection("bench");
      messages.createIndex(Indexes.ascending("roomSeq"), new IndexOptions().unique(true));
      messages.createIndex(
          Indexes.ascending("roomId", "senderId", "clientMsgId"), new IndexOptions().unique(true));
      String body = "a message of about the usual length, with a few words in it ".repeat(3);
      for (String phase : List.of("warm-up", "measured")) {
        Recorder latency = new Recorder(3);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long f0 = flushes.get();
        long w0 = flushed.get();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        for (int w = 0; w < writers; w++) {
          String room = phase + "-room-" + w;
          Thread t =
              new Thread(
                  () -> {
                    for (long seq = 1; running.get(); seq++) {
                      long s = System.nanoTime();
                      messages.insertOne(
                          new Document("_id", room + "-" + seq)
                              .append("roomId", room)
                              .append("seq", seq)
                              .append("roomSeq", room + "/" + seq)
                              .append("senderId", "u")
                              .append("clientMsgId", "c" + seq)
                              .append("body", body)
                              .append("createdAt", new java.util.Date()));
                      latency.recordValue((System.nanoTime() - s) / 1000);
                      written.incrementAndGet();
                    }
                  });
          t.start();
          threads.add(t);
        }
        Thread.sleep(phase.equals("warm-up") ? 5_000 : seconds * 1000L);
        running.set(false);
        for (Thread t : threads) {
          t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long cpu = cpuNanos() - cpu0;
        var h = latency.getIntervalHistogram();
        long batches = flushes.get() - f0;
        System.out.printf(
            "%s: %d writers, %d writes in %.1f s = %.0f writes/s; latency p50 %.2f ms, p99 %.2f"
                + " ms, max %.1f ms; %d flushes, %.1f writes per flush; CPU %.0f µs per write"
                + " (this process: store and clients)%n",
            phase,
            writers,
            written.get(),
            secs,
            written.get() / secs,
            h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0,
            h.getMaxValue() / 1000.0,
            batches,
            batches == 0 ? 0.0 : (flushed.get() - w0) / (double) batches,
            cpu / 1000.0 / Math.max(1, written.get()));
      }
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
