package io.parley.it.later;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import io.parley.testing.PushBrowser;
import io.parley.testing.WebhookReceiver;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Web Push end to end: a browser's subscription (made here, with its own keys) registered with the
 * server, a direct message while no tab is open, and what the push service (a local receiver) gets,
 * decrypted with the browser's keys.
 */
class PushIT {

  @Test
  void aDirectMessageToSomeoneAwayIsPushedEncryptedForTheirBrowserOnly() throws Exception {
    try (WebhookReceiver service = WebhookReceiver.start()) {
      TestUser ada = Parley.signIn(Parley.unique("Ada"));
      TestUser bob = Parley.signIn(Parley.unique("Bob"));
      PushBrowser browser = new PushBrowser();
      var made =
          ada.post(
              "/api/me/push", browser.subscription(service.url("/push/ada-1"), "Test browser"));
      assertEquals(201, made.statusCode(), made.body());
      JsonObject mine = Parley.json(ada.get("/api/me/push").body());
      assertEquals(1, mine.getJsonArray("devices").size());
      String vapidKey = mine.getString("vapidPublicKey");

      String dm = bob.openDirect(ada);
      assertEquals(201, bob.postMessage(dm, "are you free at 3?", "d-1").statusCode());
      WebhookReceiver.Call push = service.next(Duration.ofSeconds(15));
      assertTrue(push != null, "the push service got a push");
      assertEquals("aes128gcm", push.header("Content-Encoding"));
      String auth = push.header("Authorization");
      assertTrue(auth.contains("k=" + vapidKey), auth);
      assertTrue(PushBrowser.vapidVerifies(auth, service.url("").replaceAll("/$", "")), auth);
      JsonObject shown = Parley.json(browser.decrypt(push.raw()));
      assertEquals(bob.name(), shown.getString("title"));
      assertEquals("are you free at 3?", shown.getString("body"));
      assertTrue(shown.getString("url").startsWith("/rooms/" + dm), shown.toString());

      // With a tab open, the page itself tells her: nothing is pushed.
      try (LiveSocket page = LiveSocket.open(ada).ready()) {
        assertEquals(201, bob.postMessage(dm, "never mind", "d-2").statusCode());
        assertNull(service.next(Duration.ofSeconds(3)), "online: not pushed");
      }

      // The profile page's script registers a subscription the same way (cookie, same origin).
      PushBrowser phone = new PushBrowser();
      var fromPage =
          Parley.send(
              HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/profile/push"))
                  .header("Cookie", "parley_token=" + ada.token())
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          phone.subscription(service.url("/push/ada-2"), "Phone")))
                  .build());
      assertEquals(204, fromPage.statusCode(), fromPage.body());
      assertTrue(ada.page("/profile").body().contains("Phone"), "listed on the profile");
      String id =
          Parley.json(ada.get("/api/me/push").body())
              .getJsonArray("devices")
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(d -> d.getString("label").equals("Phone"))
              .findFirst()
              .orElseThrow()
              .getString("id");
      assertEquals(204, ada.send("DELETE", "/api/me/push/" + id, null).statusCode());
      assertEquals(
          400,
          ada.post(
                  "/api/me/push",
                  "{\"endpoint\":\"https://x.example/\",\"keys\":{\"p256dh\":\"AAAA\",\"auth\":\"AAAA\"}}")
              .statusCode(),
          "keys of the wrong size");
    }
  }

  @Test
  void anEndpointOnALoopbackNameNotListedIsNeverCalled() throws Exception {
    try (WebhookReceiver service = WebhookReceiver.start()) {
      TestUser ada = Parley.signIn(Parley.unique("Ada"));
      TestUser bob = Parley.signIn(Parley.unique("Bob"));
      // The test server lists 127.0.0.1 as a private host push may call; "localhost" is not
      // listed, and resolves to a loopback address: refused before any connection.
      String endpoint = service.url("/push").replace("127.0.0.1", "localhost");
      assertEquals(
          201,
          ada.post("/api/me/push", new PushBrowser().subscription(endpoint, "x")).statusCode());
      String dm = bob.openDirect(ada);
      assertEquals(201, bob.postMessage(dm, "hello", "p-1").statusCode());
      assertNull(service.next(Duration.ofSeconds(4)), "never called");
      assertEquals(1, Parley.json(ada.get("/api/me/push").body()).getJsonArray("devices").size());
    }
  }
}
