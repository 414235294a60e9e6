package io.parley.it.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The typing indicator over real sockets: shown to others, cleared by the message or lapse. */
class TypingIT {

  @Test
  void othersSeeWhoIsTypingUntilTheMessageArrivesOrItLapses() {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = alice.createRoom(Parley.unique("typing"), "public");
    bob.join(room);
    String typingFrame = "id=\"typing-" + room + "\"";
    try (LiveSocket a = LiveSocket.open(alice);
        LiveSocket b = LiveSocket.open(bob)) {
      a.resume(room, 0);
      b.resume(room, 0);
      a.drain(Duration.ofMillis(500)); // both watch the room before anyone types
      b.drain(Duration.ofMillis(500));
      b.send("{\"type\":\"typing\",\"roomId\":\"" + room + "\"}");
      String shown = a.await(f -> f.contains(typingFrame), Duration.ofSeconds(10));
      assertTrue(shown.contains(bob.name() + " is typing…"), shown);

      b.sendMessage(room, "done typing", "t-1");
      String cleared = a.await(f -> f.contains(typingFrame), Duration.ofSeconds(10));
      assertTrue(cleared.contains("></div>"), "cleared when the message arrives: " + cleared);

      b.send("{\"type\":\"typing\",\"roomId\":\"" + room + "\"}");
      a.await(f -> f.contains(typingFrame) && f.contains("is typing"), Duration.ofSeconds(10));
      long shownAt = System.nanoTime();
      String lapsed = a.await(f -> f.contains(typingFrame), Duration.ofSeconds(15));
      long afterMs = (System.nanoTime() - shownAt) / 1_000_000;
      assertTrue(lapsed.contains("></div>"), lapsed);
      assertTrue(
          afterMs >= 4_000, "lapses about 6 s after the last event, not at once: " + afterMs);
    }
  }

  @Test
  void nonMembersCannotAnnounceTyping() {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    TestUser mallory = Parley.signIn(Parley.unique("Mallory"));
    String room = alice.createRoom(Parley.unique("quiet"), "public");
    try (LiveSocket m = LiveSocket.open(mallory)) {
      m.send("{\"type\":\"typing\",\"roomId\":\"" + room + "\"}");
      assertTrue(m.awaitStatus().contains("join the room"));
    }
  }
}
