package io.parley.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Two or more real WebSocket clients against the started server. */
class ChatSocketIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void twoClientsExchangeMessagesLive() {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = alice.createRoom(Parley.unique("chat"), "public");
    bob.join(room);
    try (LiveSocket a = LiveSocket.open(alice);
        LiveSocket b = LiveSocket.open(bob)) {
      a.resume(room, 0);
      b.resume(room, 0);
      a.sendMessage(room, "hello bob", "a-1");
      assertTrue(a.awaitStatus().contains("data-seq=\"1\""), "alice gets an ack with the seq");
      String seenByBob = b.await(f -> f.contains("msg-" + room + "-1"), WAIT);
      assertTrue(seenByBob.contains("hello bob"));
      assertTrue(
          seenByBob.contains("hx-swap-oob=\"beforeend\""), "pushed as an out-of-band append");
      assertFalse(seenByBob.contains("class=\"message mine\""), "not styled as bob's own");

      b.sendMessage(room, "hi alice <script>alert(1)</script>", "b-1");
      String seenByAlice = a.await(f -> f.contains("msg-" + room + "-2"), WAIT);
      assertTrue(seenByAlice.contains("&lt;script&gt;"), "user text is escaped");
      assertFalse(seenByAlice.contains("<script>"));
    }
  }

  @Test
  void otherRoomsGetAnUnreadBadgeInsteadOfTheMessage() {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String watched = alice.createRoom(Parley.unique("watched"), "public");
    String other = alice.createRoom(Parley.unique("other"), "public");
    bob.join(watched);
    bob.join(other);
    try (LiveSocket b = LiveSocket.open(bob)) {
      b.resume(watched, 0).ready(); // registered for badges before anything is posted
      alice.postMessage(other, "one", "o-1");
      alice.postMessage(other, "two", "o-2");
      b.await(f -> f.contains("id=\"unread-" + other + "\"") && f.contains(">1<"), WAIT);
      String badge = b.await(f -> f.contains("id=\"unread-" + other + "\""), WAIT);
      assertTrue(badge.contains(">2<"), badge);
      assertFalse(badge.contains("msg-" + other));
    }
  }

  @Test
  void resumeReplaysMissedMessagesInOrderThenGoesLive() {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    String room = alice.createRoom(Parley.unique("replay"), "public");
    for (int i = 1; i <= 7; i++) {
      assertEquals(201, alice.postMessage(room, "m" + i, "r-" + i).statusCode());
    }
    try (LiveSocket a = LiveSocket.open(alice)) {
      a.resume(room, 3);
      assertEquals(List.of(4L, 5L, 6L, 7L), a.awaitMessages(room, 4, WAIT));
      alice.postMessage(room, "m8", "r-8");
      assertEquals(List.of(8L), a.awaitMessages(room, 1, WAIT));
      assertTrue(
          a.drain(Duration.ofMillis(500)).stream().noneMatch(f -> f.contains("msg-" + room)),
          "nothing is delivered twice");
    }
  }

  @Test
  void badFramesGetAClearErrorStoreNothingAndKeepTheSocket() {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    TestUser mallory = Parley.signIn(Parley.unique("Mallory"));
    String room = alice.createRoom(Parley.unique("guarded"), "public");
    String hidden = alice.createRoom(Parley.unique("hidden"), "private");
    try (LiveSocket m = LiveSocket.open(mallory)) {
      m.send("this is not json");
      assertTrue(m.awaitStatus().contains("malformed frame"));
      m.send("[1,2,3]");
      assertTrue(m.awaitStatus().contains("JSON object"));
      m.send("{\"type\":\"explode\"}");
      assertTrue(m.awaitStatus().contains("unknown frame type"));
      m.send(
          "{\"type\":\"send\",\"roomId\":{\"$gt\":\"\"},\"body\":\"x\",\"clientMsgId\":\"i-1\"}");
      assertTrue(m.awaitStatus().contains("must be a string"));
      m.sendMessage(room, "not a member", "m-1");
      assertTrue(m.awaitStatus().contains("join the room"));
      m.sendMessage(hidden, "private", "m-2");
      assertTrue(m.awaitStatus().contains("no such room"));
      m.sendMessage("no-such-room", "x", "m-3");
      assertTrue(m.awaitStatus().contains("no such room"));
      m.resume(hidden, 0);
      assertTrue(m.awaitStatus().contains("no such room"));
      mallory.join(room);
      m.sendMessage(room, "   ", "m-4");
      assertTrue(m.awaitStatus().contains("must not be empty"));
      m.sendMessage(room, "x".repeat(4001), "m-5");
      assertTrue(m.awaitStatus().contains("at most 4000"));
      m.sendMessage(room, "fine", "bad id with spaces");
      assertTrue(m.awaitStatus().contains("clientMsgId"));

      assertTrue(m.isOpen(), "the socket survives every bad frame");
      m.sendMessage(room, "finally a good one", "m-6");
      assertTrue(m.awaitStatus().contains("data-seq=\"1\""));
    }
    assertEquals(1, alice.history(room, "").size(), "only the good message was stored");
    assertEquals(0, alice.history(hidden, "").size());
  }

  @Test
  void oversizedFrameGetsAnErrorAndTheSocketSurvives() {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    String room = alice.createRoom(Parley.unique("big"), "public");
    try (LiveSocket a = LiveSocket.open(alice)) {
      a.send(
          "{\"type\":\"send\",\"roomId\":\""
              + room
              + "\",\"body\":\""
              + "x".repeat(70_000)
              + "\"}");
      assertTrue(a.awaitStatus().contains("frame too large"));
      assertTrue(a.isOpen());
      a.sendMessage(room, "small", "s-1");
      assertTrue(a.awaitStatus().contains("data-seq=\"1\""));
    }
    assertEquals(1, alice.history(room, "").size());
  }

  @Test
  void handshakeWithoutValidTokenOrFromForeignOriginIsRefused() {
    assertEquals(401, handshakeStatus(null, Parley.baseUrl()));
    assertEquals(401, handshakeStatus("not-a-token", Parley.baseUrl()));
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    assertEquals(403, handshakeStatus(alice.token(), "https://evil.example"));
    assertEquals(101, handshakeStatus(alice.token(), Parley.baseUrl()));
  }

  @Test
  void concurrentHandshakesEachActAsTheirOwnUser() throws Exception {
    int users = 12;
    List<TestUser> people = new ArrayList<>();
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      TestUser u = Parley.signIn(Parley.unique("Person"));
      people.add(u);
      rooms.add(u.createRoom(Parley.unique("own"), "private"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(users);
    try {
      List<CompletableFuture<String>> acks = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        TestUser u = people.get(i);
        String room = rooms.get(i);
        acks.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try (LiveSocket s = LiveSocket.open(u)) {
                    s.sendMessage(room, "mine", UUID.randomUUID().toString());
                    return s.awaitStatus();
                  }
                },
                pool));
      }
      for (int i = 0; i < users; i++) {
        assertTrue(
            acks.get(i).get().contains("data-seq=\"1\""), "each user may post in their own room");
        var stored = people.get(i).history(rooms.get(i), "");
        assertEquals(people.get(i).userId(), stored.get(0).getString("senderId"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The raw HTTP status of a WebSocket upgrade request. */
  private static int handshakeStatus(String token, String origin) {
    try (var socket =
        new java.net.Socket(
            "localhost", Integer.parseInt(System.getProperty("parley.http.port", "9080")))) {
      String request =
          "GET /ws HTTP/1.1\r\nHost: localhost:"
              + socket.getPort()
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              + "Origin: "
              + origin
              + "\r\n"
              + (token == null ? "" : "Cookie: parley_token=" + token + "\r\n")
              + "\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String status =
          new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream()))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
