package io.parley.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Floods over a real socket: over the limit a frame gets a clear refusal and the socket stays; a
 * socket that keeps flooding is closed; other people are not affected and nothing acknowledged is
 * lost or doubled. (The per-user-per-room message limit at its default values is checked against
 * the single sign-on server in {@code SsoIT}.)
 */
class RateLimitIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** How often the text occurs in the frames (frames that queued up together arrive as one). */
  private static long count(List<String> frames, String text) {
    long n = 0;
    for (String frame : frames) {
      for (int at = frame.indexOf(text); at >= 0; at = frame.indexOf(text, at + text.length())) {
        n++;
      }
    }
    return n;
  }

  @Test
  void aBurstOverTheLimitIsRefusedClearlyAndTheSocketStays() throws Exception {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("burst"), "public");
    try (LiveSocket a = LiveSocket.open(ada)) {
      // Frames the server answers cheaply (an unknown type), so they arrive faster than the
      // socket's bucket (100 at once, 50 a second) refills, but not so many that the socket
      // counts as flooding (over 50 refusals a minute).
      for (int i = 0; i < 140; i++) {
        a.send("{\"type\":\"nothing\"}");
      }
      List<String> frames = a.drain(Duration.ofMillis(1500));
      long refused = count(frames, "too fast");
      assertTrue(refused > 0, "the burst went over the limit");
      assertEquals(140, refused + count(frames, "unknown frame type"), "each frame answered");
      assertTrue(a.isOpen(), "a burst does not cost the connection");
      Thread.sleep(2000);
      a.sendMessage(room, "after the burst", "b-1");
      String status = a.awaitStatus();
      assertTrue(status.contains("status sent"), status);
    }
  }

  @Test
  void aFloodClosesTheSocketAndNobodyElseNotices() throws Exception {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser mallory = Parley.signIn(Parley.unique("Mallory"));
    String room = ada.createRoom(Parley.unique("flood"), "public");
    mallory.join(room);
    try (LiveSocket a = LiveSocket.open(ada).resume(room, 0);
        LiveSocket m = LiveSocket.open(mallory)) {
      for (int i = 0; i < 5; i++) {
        m.sendMessage(room, "before the flood " + i, "pre-" + i);
      }
      int sent = 0;
      for (int i = 0; i < 2000 && m.isOpen(); i++) {
        try {
          m.send("{\"type\":\"typing\",\"roomId\":\"" + room + "\"}");
          sent++;
        } catch (RuntimeException e) {
          break; // closed under us
        }
      }
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (m.isOpen() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertFalse(m.isOpen(), "the flooding socket was closed after " + sent + " frames");

      a.sendMessage(room, "business as usual", "ok-1");
      a.await(f -> f.contains("status sent") && f.contains("ok-1"), WAIT);
      var stored = ada.history(room, "?limit=200");
      var bodies = stored.stream().map(j -> j.getString("body")).toList();
      assertEquals(bodies.size(), bodies.stream().distinct().count(), "nothing doubled");
      assertEquals(
          List.of(
              "before the flood 0",
              "before the flood 1",
              "before the flood 2",
              "before the flood 3",
              "before the flood 4",
              "business as usual"),
          bodies,
          "what was acknowledged before the flood is all there, once, in order");
    }
  }
}
