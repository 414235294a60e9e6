package io.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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

    server("stop");
    server("start");
    awaitReady(Duration.ofSeconds(120));

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

  private static void server(String action) throws Exception {
    String wlp = System.getProperty("parley.wlp.dir");
    Process p =
        new ProcessBuilder(new File(wlp, "bin/server").getPath(), action, "parley")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("server " + action + " failed");
    }
  }

  private static void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        var response =
            Parley.HTTP.send(
                HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/health/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("server not ready after restart");
  }
}
