package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.cluster.ChatClient;
import io.parley.it.Parley;
import io.parley.it.ReconnectingPage;
import io.parley.it.SteadySender;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The server on its embedded store, killed with SIGKILL at random moments while people post over
 * the API and over the socket, five times: after each restart every acknowledged message is stored
 * with the seq it was acknowledged with, no seq is stored twice, and a page that stayed open
 * catches up on everything, once, in order.
 */
class CrashIT {

  private static final int ROUNDS = 5;

  @Test
  void killingTheServerLosesNothingAcknowledgedAndGivesNoSeqTwice() throws Exception {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    TestUser cy = Parley.signIn(Parley.unique("Cy"));
    TestUser dee = Parley.signIn(Parley.unique("Dee"));
    String room = ada.createRoom(Parley.unique("crash"), "public");
    for (TestUser u : List.of(bob, cy, dee)) {
      u.join(room);
    }
    ChatClient onSocket =
        new ChatClient(Parley.baseUrl(), dee, room, "sock" + Long.toHexString(System.nanoTime()));
    List<String> log = new ArrayList<>();
    try (ReconnectingPage page = new ReconnectingPage(ada, room);
        SteadySender bobApi = new SteadySender(bob, room, "bob", 20);
        SteadySender cyApi = new SteadySender(cy, room, "cy", 20)) {
      onSocket.connect();
      int[] sent = {0};
      for (int round = 1; round <= ROUNDS; round++) {
        long sendFor = ThreadLocalRandom.current().nextLong(1_500, 4_000);
        sendOverSocket(onSocket, sent, sendFor);
        int before = acknowledged(bobApi, cyApi, onSocket);
        Parley.killServer();
        long killedAt = System.nanoTime();
        Parley.startServer();
        long downMs = (System.nanoTime() - killedAt) / 1_000_000;
        sendOverSocket(onSocket, sent, 1_000);
        log.add(
            String.format(
                "round %d: killed after %d ms of sending, %d acknowledged by then, back in %d ms",
                round, sendFor, before, downMs));
      }
      // Everything queued goes out and is acknowledged before the check.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (onSocket.unackedCount() > 0 && System.nanoTime() < deadline) {
        onSocket.resendDue();
        Parley.sleep(200);
      }
      assertEquals(
          0,
          onSocket.unackedCount(),
          "every socket send acknowledged in the end; the client is "
              + (onSocket.connected() ? "connected" : "not connected")
              + " after "
              + onSocket.reconnects()
              + " reconnects; "
              + onSocket.acked().size()
              + " acknowledged; last frame: "
              + onSocket.lastFrame());
      bobApi.stop();
      cyApi.stop();

      Map<Long, String> stored = storedBySeq(ada, room);
      Map<String, Long> acked = new HashMap<>();
      bobApi.seqs().forEach(acked::put);
      cyApi.seqs().forEach(acked::put);
      onSocket.ackedSeqs().forEach((id, seq) -> acked.put(onSocket.body(id), seq));
      assertEquals(
          onSocket.acked().size(),
          onSocket.ackedSeqs().size(),
          "every socket acknowledgement carried its seq");

      List<String> lost = new ArrayList<>();
      acked.forEach(
          (body, seq) -> {
            if (!body.equals(stored.get(seq))) {
              lost.add(
                  body + " (acknowledged as seq " + seq + ", stored: " + stored.get(seq) + ")");
            }
          });
      long distinctAckedSeqs = acked.values().stream().distinct().count();
      System.out.printf(
          "Crash test: %d kills with SIGKILL while posting; %d messages acknowledged (%d by API,"
              + " %d by socket), %d stored, %d lost, %d retries by API senders%n  %s%n",
          ROUNDS,
          acked.size(),
          bobApi.seqs().size() + cyApi.seqs().size(),
          onSocket.ackedSeqs().size(),
          stored.size(),
          lost.size(),
          bobApi.retries() + cyApi.retries(),
          String.join("\n  ", log));
      assertEquals(List.of(), lost, "acknowledged messages stored with the seq of their ack");
      assertEquals(acked.size(), distinctAckedSeqs, "no seq acknowledged for two messages");
      List<Long> expected = LongStream.rangeClosed(1, stored.size()).boxed().toList();
      assertEquals(expected, List.copyOf(stored.keySet()), "seqs 1..n, each once, no gap");
      assertEquals(acked.size(), stored.size(), "nothing stored that was not acknowledged");
      assertTrue(acked.size() > ROUNDS * 20, "the server was busy when it was killed");

      page.awaitShown(stored.size(), Duration.ofSeconds(60));
      assertEquals(expected, page.shown(), "the open page shows every message once, in order");
      assertTrue(page.connections() > ROUNDS, "the page reconnected after each kill");
      List<Long> onSocketSeqs = onSocket.received();
      assertEquals(
          expected.subList(expected.size() - onSocketSeqs.size(), expected.size()),
          onSocketSeqs,
          "the socket client received every message since it joined, once, in order");
    } finally {
      onSocket.stop();
    }
  }

  private static void sendOverSocket(ChatClient client, int[] sent, long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      client.send(++sent[0]);
      client.resendDue();
      Parley.sleep(50);
    }
  }

  private static int acknowledged(SteadySender a, SteadySender b, ChatClient c) {
    return a.acknowledgedCount() + b.acknowledgedCount() + c.acked().size();
  }

  /** The room's stored messages, seq to body, oldest first (paged backwards from the newest). */
  private static Map<Long, String> storedBySeq(TestUser reader, String room) {
    java.util.TreeMap<Long, String> stored = new java.util.TreeMap<>();
    String query = "?limit=100";
    while (true) {
      List<JsonObject> page = reader.history(room, query);
      for (JsonObject m : page) {
        String previous = stored.put(m.getJsonNumber("seq").longValue(), m.getString("body"));
        assertEquals(null, previous, "seq " + m.getJsonNumber("seq") + " stored twice");
      }
      if (page.size() < 100) {
        return stored;
      }
      query = "?limit=100&before=" + stored.firstKey();
    }
  }
}
