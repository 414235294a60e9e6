package io.parley.mongo;

import static com.mongodb.client.model.Filters.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store in a process of its own, written by eight threads, killed with SIGKILL at a
 * random moment, five times over the same file: every write it acknowledged is there after each
 * reopen, found by its unique key too (the index and the documents agree).
 */
class EmbeddedStoreCrashTest {

  private static final int ROUNDS = 5;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesAKillAtARandomMoment() throws Exception {
    Set<String> acknowledged = new HashSet<>();
    for (int round = 1; round <= ROUNDS; round++) {
      List<String> acked = runAndKill(round);
      acknowledged.addAll(acked);
      try (EmbeddedMongo store = EmbeddedMongo.start(dir, "127.0.0.1", 0);
          MongoClient client = MongoClients.create(store.uri())) {
        MongoCollection<Document> acks = client.getDatabase("parley").getCollection("acks");
        Set<String> stored = new HashSet<>();
        acks.find().projection(new Document("_id", 1)).forEach(d -> stored.add(d.getString("_id")));
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        System.out.printf(
            "store crash round %d: %d acknowledged this round, %d in all, %d stored, %d lost%n",
            round, acked.size(), acknowledged.size(), stored.size(), lost.size());
        assertTrue(acked.size() > 50, "the store was writing when it was killed");
        assertEquals(Set.of(), lost, "acknowledged writes lost by the kill of round " + round);
        List<String> keys = acked.stream().map(id -> "k/" + id).toList();
        assertEquals(
            acked.size(),
            acks.countDocuments(in("key", keys)),
            "each acknowledged write is found through its unique index");
      }
    }
  }

  /** Starts the child, lets it write for a random while, kills it; the ids it acknowledged. */
  private List<String> runAndKill(int round) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                StoreCrashChild.class.getName(),
                dir.toString(),
                "r" + round)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> acked = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      while (line != null && !line.equals("READY")) {
        line = out.readLine();
      }
      long killAt =
          System.nanoTime()
              + TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(700, 2500));
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acked.add(line.substring(4));
        }
        // A random moment, but only once it is writing in earnest (a busy machine starts slowly).
        if (System.nanoTime() >= killAt && acked.size() > 60) {
          child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no last commit
          break;
        }
      }
      child.waitFor(30, TimeUnit.SECONDS);
    } finally {
      child.destroyForcibly();
    }
    return acked;
  }
}
