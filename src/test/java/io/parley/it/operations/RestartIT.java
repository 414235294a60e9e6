package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.ReconnectingPage;
import io.parley.it.SteadySender;
import io.parley.it.TestUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages are durable: stopping and starting the server loses nothing and keeps the order. */
class RestartIT {

  @Test
  void messagesSurviveARestartAndNumberingContinues() throws Exception {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    String room = alice.createRoom(Parley.unique("durable"), "public");
    for (int i = 1; i <= 5; i++) {
      assertEquals(201, alice.postMessage(room, "before restart " + i, "d-" + i).statusCode());
    }

    Parley.restartServer();

    var stored = alice.history(room, "");
    assertEquals(5, stored.size(), "every acknowledged message is still there");
    var next = alice.postMessage(room, "after restart", "d-6");
    assertEquals(201, next.statusCode(), next.body());
    assertEquals(
        6,
        Parley.json(next.body()).getJsonNumber("seq").longValue(),
        "numbering continues without a gap");
    assertEquals(
        200,
        alice.postMessage(room, "before restart 1", "d-1").statusCode(),
        "idempotency survives too");
  }

  @Test
  void pagesHoldEveryMessageOnceInOrderAcrossARestartWhileSomeoneKeepsSending() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    TestUser cy = Parley.signIn(Parley.unique("Cy"));
    String room = ada.createRoom(Parley.unique("restart"), "public");
    bob.join(room);
    cy.join(room);
    try (ReconnectingPage adaPage = new ReconnectingPage(ada, room);
        ReconnectingPage cyPage = new ReconnectingPage(cy, room);
        SteadySender sender = new SteadySender(bob, room, "tick", 100)) {
      sender.awaitAcknowledged(10, Duration.ofSeconds(30));
      Parley.restartServer(); // the sender keeps retrying its message in flight meanwhile
      sender.awaitAcknowledged(sender.acknowledgedCount() + 10, Duration.ofSeconds(60));
      List<String> all = sender.stop();
      System.out.printf(
          "restart while sending: %d acknowledged, %d retries while the server was away%n",
          all.size(), sender.retries());

      List<Long> expected = java.util.stream.LongStream.rangeClosed(1, all.size()).boxed().toList();
      for (ReconnectingPage page : List.of(adaPage, cyPage)) {
        page.awaitShown(all.size(), Duration.ofSeconds(60));
        assertEquals(expected, page.shown(), "every message once, in order");
        assertEquals(all, page.bodies(), "exactly what was acknowledged");
        assertTrue(page.connections() >= 2, "the page really reconnected");
      }
      assertEquals(all.size(), ada.history(room, "?limit=200").size(), "stored once each");
    }
  }
}
