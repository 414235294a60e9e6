package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import io.parley.load.Vocabulary;
import io.parley.lucene.LuceneMessageIndex;
import io.parley.messaging.Message;
import io.parley.search.IndexQuery;
import io.parley.search.IndexedPage;
import io.parley.search.SearchHit;
import io.parley.search.SearchIndexer;
import io.parley.search.SearchQuery;
import io.parley.testing.InMemoryMessageStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search at scale, printed, never asserted against a time: {@code bench.search.messages} messages
 * (1,000,000 by default) across 1,000 rooms go through the indexer's live path into a Lucene index
 * on disk; then people who are in 20 to 200 rooms run mixed queries (words, prefixes, two words,
 * phrases, a person filter; newest first and by relevance) and the latencies go into HdrHistogram;
 * then 1,000 messages/s keep arriving while the searches go on. It asserts only that every message
 * was indexed and that no result came from a room the searcher is not in.
 */
class SearchBenchmarkIT {

  private static final int MESSAGES = Integer.getInteger("bench.search.messages", 1_000_000);
  private static final int ROOMS = 1_000;
  private static final int SEARCHES = Integer.getInteger("bench.search.queries", 2_000);
  private static final int LIVE_SECONDS = Integer.getInteger("bench.search.live-seconds", 10);
  private static final int VOCABULARY = 20_000;

  @TempDir Path dir;

  private final Random random = new Random(42);
  private final Vocabulary words = new Vocabulary(VOCABULARY, 42);
  private final long[] seqs = new long[ROOMS];
  private final Instant start = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void indexesAMillionMessagesAndSearchesThem() throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (LuceneMessageIndex index = LuceneMessageIndex.open(dir.resolve("index"))) {
      SearchIndexer indexer =
          new SearchIndexer(
              index, new InMemoryMessageStore(), new InMemoryMessageStore(), List::of, 100_000);
      indexer.start();
      indexer.caughtUp().get(10, TimeUnit.SECONDS);

      // 1. Index: every message through the live path, as a node would receive them.
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < MESSAGES; i++) {
        while (indexer.backlog() > 50_000) {
          Thread.sleep(1);
        }
        indexer.accept(next(i));
      }
      while (indexer.applied() < MESSAGES) {
        Thread.sleep(5);
      }
      index.refresh();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      assertEquals(MESSAGES, index.size(), "every message is in the index");
      index.commit();
      System.out.printf(
          "search benchmark: indexed %,d messages in %d rooms in %.1f s = %,.0f messages/s;"
              + " CPU %.1f s (%.0f µs/message, %.0f %% of a core); index on disk %,d MB;"
              + " heap used %,d MB%n",
          MESSAGES,
          ROOMS,
          seconds,
          MESSAGES / seconds,
          cpu,
          cpu * 1e6 / MESSAGES,
          100 * cpu / seconds,
          size(dir.resolve("index")) / 1_000_000,
          heapMb());

      // 2. Search, nothing else running.
      Histogram quiet = searches(index, SEARCHES);
      print("quiet", quiet);

      // 3. Search while 1,000 messages/s arrive.
      long applied = indexer.applied();
      long sent = 0;
      int maxBacklog = 0;
      Histogram busy = new Histogram(3);
      long liveStart = System.nanoTime();
      int i = MESSAGES;
      while (System.nanoTime() - liveStart < TimeUnit.SECONDS.toNanos(LIVE_SECONDS)) {
        long due = (System.nanoTime() - liveStart) / 1_000_000; // one message per ms
        while (sent < due) {
          indexer.accept(next(i++));
          sent++;
        }
        maxBacklog = Math.max(maxBacklog, indexer.backlog());
        busy.add(searches(index, 1));
      }
      double liveSeconds = (System.nanoTime() - liveStart) / 1e9;
      long caughtUpAt = System.nanoTime();
      while (indexer.applied() - applied < sent) {
        Thread.sleep(1);
      }
      System.out.printf(
          "search benchmark: live: %,d messages in %.1f s (%,.0f/s) while searching; largest"
              + " backlog %,d; all applied %.0f ms after the last send%n",
          sent,
          liveSeconds,
          sent / liveSeconds,
          maxBacklog,
          (System.nanoTime() - caughtUpAt) / 1e6);
      print("while indexing 1,000 messages/s", busy);
      indexer.close();
    }
  }

  /** Runs {@code n} searches by people in 20-200 rooms; checks every hit is in one of them. */
  private Histogram searches(LuceneMessageIndex index, int n) {
    Histogram h = new Histogram(3);
    for (int q = 0; q < n; q++) {
      Set<String> rooms = new HashSet<>();
      int memberOf = random.nextInt(10) == 0 ? 200 : 20;
      while (rooms.size() < memberOf) {
        rooms.add("room-" + random.nextInt(ROOMS));
      }
      SearchQuery parsed = SearchQuery.parse(words.query());
      Set<String> senders =
          random.nextInt(10) == 0 ? Set.of("user-" + random.nextInt(200)) : Set.of();
      IndexQuery query =
          new IndexQuery(
              parsed.words(),
              parsed.phrases(),
              rooms,
              senders,
              null,
              null,
              false,
              false,
              random.nextInt(10) < 7 ? SearchQuery.Order.NEWEST : SearchQuery.Order.RELEVANCE,
              0,
              20);
      long t = System.nanoTime();
      IndexedPage page = index.search(query);
      h.recordValue((System.nanoTime() - t) / 1000);
      for (SearchHit hit : page.hits()) {
        assertTrue(rooms.contains(hit.roomId()), "a hit from a room the searcher is not in");
      }
    }
    return h;
  }

  private Message next(int i) {
    int room = random.nextInt(ROOMS);
    long seq = ++seqs[room];
    return new Message(
        "m" + i,
        "room-" + room,
        seq,
        "user-" + random.nextInt(200),
        words.sentence(6, 20),
        "text/markdown",
        start.plusSeconds(i * 30L),
        null,
        false,
        "c" + i,
        Map.of(),
        List.of());
  }

  private static void print(String phase, Histogram h) {
    System.out.printf(
        "search benchmark: %s: %,d searches, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        phase,
        h.getTotalCount(),
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(90) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0);
  }

  private static long heapMb() {
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / 1_000_000;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
