package io.parley.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many senders, one room, one gap-free order that every watcher sees. */
class OrderingIT {

  private static final int SENDERS = 12;
  private static final int PER_SENDER = 25;

  @Test
  void concurrentSendersGetGapFreeUniqueSequenceNumbers() throws Exception {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    String room = owner.createRoom(Parley.unique("busy"), "public");
    List<TestUser> senders = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      TestUser u = Parley.signIn(Parley.unique("Sender"));
      u.join(room);
      senders.add(u);
    }
    TestUser watcher = Parley.signIn(Parley.unique("Watcher"));
    watcher.join(room);
    int total = SENDERS * PER_SENDER;

    try (LiveSocket live = LiveSocket.open(watcher)) {
      live.resume(room, 0);
      ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Long>>> acks = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        TestUser sender = senders.get(s);
        int senderNo = s;
        acks.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Long> seqs = new ArrayList<>();
                  for (int i = 0; i < PER_SENDER; i++) {
                    var response =
                        sender.postMessage(
                            room, "s" + senderNo + " m" + i, "s" + senderNo + "-" + i);
                    assertEquals(201, response.statusCode(), response.body());
                    seqs.add(Parley.json(response.body()).getJsonNumber("seq").longValue());
                  }
                  return seqs;
                }));
      }
      start.countDown();
      Set<Long> acknowledged = new HashSet<>();
      for (Future<List<Long>> f : acks) {
        List<Long> mine = f.get();
        for (int i = 1; i < mine.size(); i++) {
          assertTrue(mine.get(i) > mine.get(i - 1), "one sender's messages keep their order");
        }
        acknowledged.addAll(mine);
      }
      pool.shutdown();
      assertEquals(total, acknowledged.size(), "no two sends got the same seq");

      List<JsonObject> stored = new ArrayList<>();
      long after = 0;
      while (true) {
        List<JsonObject> page = owner.history(room, "?after=" + after + "&limit=200");
        if (page.isEmpty()) {
          break;
        }
        stored.addAll(page);
        after = page.get(page.size() - 1).getJsonNumber("seq").longValue();
      }
      assertEquals(total, stored.size());
      for (int i = 0; i < total; i++) {
        assertEquals(i + 1, stored.get(i).getJsonNumber("seq").longValue(), "gap-free from 1");
      }

      List<Long> delivered = live.awaitMessages(room, total, Duration.ofSeconds(30));
      List<Long> expected = new ArrayList<>();
      for (long i = 1; i <= total; i++) {
        expected.add(i);
      }
      assertEquals(expected, delivered, "the watcher sees every message once, in seq order");
    }
  }
}
