package io.parley.it.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import io.parley.testing.WebhookReceiver;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Outgoing webhooks against the running server and a real receiver the test starts on loopback (the
 * test server allows 127.0.0.1 and retries after 500 ms): signed calls, a retry after a 500 with
 * backoff, the reply posted as the bot, the delivery log on the page, SSRF refusals, a hanging
 * receiver that does not slow chat, deletion from the admin console.
 */
class OutgoingHooksIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Pattern SECRET =
      Pattern.compile("id=\"issued-secret\"[^>]*value=\"([A-Za-z0-9_-]+)\"");
  private static final Pattern OUT_ID = Pattern.compile("id=\"outgoing-([0-9a-f-]+)\"");

  record Made(String id, String secret) {}

  static HttpResponse<String> create(
      TestUser who, String room, String name, String url, String triggers) {
    return who.form(
        "/rooms/" + room + "/hooks/outgoing",
        "name="
            + URLEncoder.encode(name, StandardCharsets.UTF_8)
            + "&url="
            + URLEncoder.encode(url, StandardCharsets.UTF_8)
            + "&triggers="
            + URLEncoder.encode(triggers, StandardCharsets.UTF_8),
        false);
  }

  static Made made(HttpResponse<String> page) {
    assertEquals(200, page.statusCode(), page.body());
    Matcher s = SECRET.matcher(page.body());
    assertTrue(s.find(), page.body());
    Matcher id = OUT_ID.matcher(page.body());
    assertTrue(id.find(), page.body());
    return new Made(id.group(1), s.group(1));
  }

  @Test
  void callsAreSignedRetriedAfterA500AndTheirReplyIsPostedAsTheBot() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      TestUser ada = Parley.signIn(Parley.unique("Ada"));
      String room = ada.createRoom(Parley.unique("support"), "public");
      receiver.answer(500, null).answer(200, "{\"text\":\"Ticket **T-1** opened\"}");
      Made hook = made(create(ada, room, "Ticket bot", receiver.url("/tickets"), "!ticket"));

      assertEquals(201, ada.postMessage(room, "no trigger here", "m-1").statusCode());
      assertEquals(
          201, ada.postMessage(room, "!ticket the printer is on fire", "m-2").statusCode());

      WebhookReceiver.Call first = receiver.next(WAIT);
      WebhookReceiver.Call second = receiver.next(WAIT);
      assertNotNull(second, "called again after the 500");
      assertTrue(WebhookReceiver.verifies(hook.secret(), first), "signed");
      assertTrue(WebhookReceiver.verifies(hook.secret(), second), "signed again");
      assertTrue(
          WebhookReceiver.between(first, second).toMillis() >= 500,
          "waited before retrying: " + WebhookReceiver.between(first, second));
      JsonObject event = Parley.json(second.body());
      assertEquals("!ticket the printer is on fire", event.getString("text"));
      assertEquals(2, event.getInt("seq"));
      assertEquals(room, event.getJsonObject("room").getString("id"));
      assertEquals(ada.username(), event.getJsonObject("sender").getString("username"));

      JsonObject reply = awaitMessage(ada, room, 3);
      assertEquals("Ticket **T-1** opened", reply.getString("body"));
      assertTrue(reply.getString("senderId").startsWith("outhook:"), reply.toString());
      assertNull(receiver.next(Duration.ofSeconds(1)), "the bot's reply calls nobody");

      String page = ada.page("/rooms/" + room + "/hooks").body();
      assertTrue(page.contains("answered 500"), "the delivery log shows the failure");
      assertTrue(page.contains("Ticket bot"), page);
      assertTrue(!page.contains(hook.secret()), "the secret is shown once only");
    }
  }

  @Test
  void hooksToPrivateAddressesAreRefusedAndAHangingReceiverDoesNotSlowChat() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      TestUser ada = Parley.signIn(Parley.unique("Ada"));
      TestUser bob = Parley.signIn(Parley.unique("Bob"));
      String room = ada.createRoom(Parley.unique("busy"), "public");
      bob.join(room);
      for (String url :
          List.of(
              "http://169.254.169.254/latest/meta-data/",
              "http://10.0.0.5/hook",
              "http://localhost:" + receiver.url("").replaceAll(".*:", ""),
              "file:///etc/passwd")) {
        var refused = create(ada, room, "Sneaky", url, "");
        assertEquals(400, refused.statusCode(), url);
        assertTrue(refused.body().contains("role=\"alert\""), refused.body());
      }
      assertEquals(403, create(bob, room, "Mine", receiver.url("/x"), "").statusCode());

      CountDownLatch release = receiver.hang();
      Made hook = made(create(ada, room, "Slow", receiver.url("/slow"), ""));
      for (int i = 1; i <= 5; i++) {
        assertEquals(201, bob.postMessage(room, "while it hangs " + i, "h-" + i).statusCode());
      }
      assertNotNull(receiver.next(WAIT), "the first call is held by the receiver");
      release.countDown();

      TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
      assertTrue(admin.page("/admin").body().contains("admin-hook-" + hook.id()));
      var deleted =
          admin.form(
              "/rooms/" + room + "/hooks/outgoing/" + hook.id() + "/delete",
              "next=%2Fadmin",
              false);
      assertEquals(303, deleted.statusCode(), deleted.body());
      Thread.sleep(1000);
      while (receiver.next(Duration.ofMillis(300)) != null) {
        // the calls queued before the deletion
      }
      assertEquals(201, bob.postMessage(room, "after the deletion", "h-6").statusCode());
      assertNull(receiver.next(Duration.ofSeconds(1)), "a deleted hook is called no more");
    }
  }

  private static JsonObject awaitMessage(TestUser who, String room, long seq) {
    for (int i = 0; i < 100; i++) {
      List<JsonObject> history = who.history(room, "");
      for (JsonObject m : history) {
        if (m.getInt("seq") == seq) {
          return m;
        }
      }
      Parley.sleep(100);
    }
    throw new AssertionError("no message " + seq + " in " + room);
  }
}
