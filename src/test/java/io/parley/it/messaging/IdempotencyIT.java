package io.parley.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A retried send stores nothing new and answers with the original message. */
class IdempotencyIT {

  @Test
  void apiResendWithSameClientMsgIdReturnsTheOriginal() {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    String room = alice.createRoom(Parley.unique("retry"), "public");
    HttpResponse<String> first = alice.postMessage(room, "only once", "same-id");
    HttpResponse<String> retry = alice.postMessage(room, "only once", "same-id");
    assertEquals(201, first.statusCode());
    assertEquals(200, retry.statusCode());
    JsonObject original = Parley.json(first.body());
    JsonObject again = Parley.json(retry.body());
    assertEquals(original.getString("id"), again.getString("id"));
    assertEquals(original.getJsonNumber("seq"), again.getJsonNumber("seq"));
    assertEquals(original.getString("createdAt"), again.getString("createdAt"));
    assertEquals(1, alice.history(room, "").size());
  }

  @Test
  void sameClientMsgIdFromAnotherSenderIsADifferentMessage() {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = alice.createRoom(Parley.unique("shared-id"), "public");
    bob.join(room);
    assertEquals(201, alice.postMessage(room, "a", "id-1").statusCode());
    assertEquals(201, bob.postMessage(room, "b", "id-1").statusCode());
    assertEquals(2, alice.history(room, "").size());
  }

  @Test
  void concurrentRetriesStoreOneMessage() throws Exception {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    String room = alice.createRoom(Parley.unique("storm"), "public");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<HttpResponse<String>>> tries = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      tries.add(pool.submit(() -> alice.postMessage(room, "retried", "storm-1")));
    }
    Set<String> ids = new HashSet<>();
    int created = 0;
    for (Future<HttpResponse<String>> t : tries) {
      HttpResponse<String> r = t.get();
      assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.body());
      created += r.statusCode() == 201 ? 1 : 0;
      ids.add(Parley.json(r.body()).getString("id"));
    }
    pool.shutdown();
    assertEquals(1, created);
    assertEquals(1, ids.size());
    assertEquals(1, alice.history(room, "").size());
  }

  @Test
  void socketResendIsAcknowledgedWithTheOriginalSeq() {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    String room = alice.createRoom(Parley.unique("ws-retry"), "public");
    alice.postMessage(room, "first", "x-0");
    try (LiveSocket a = LiveSocket.open(alice)) {
      a.sendMessage(room, "second", "x-1");
      assertTrue(a.awaitStatus().contains("data-seq=\"2\""));
      a.sendMessage(room, "second", "x-1");
      assertTrue(a.awaitStatus().contains("data-seq=\"2\""));
    }
    assertEquals(2, alice.history(room, "").size());
  }
}
