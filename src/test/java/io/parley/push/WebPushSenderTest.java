package io.parley.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.away.PushSender;
import io.parley.away.PushSubscription;
import io.parley.testing.PushBrowser;
import io.parley.testing.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A push as a push service receives it: encrypted for the browser, signed with VAPID. */
class WebPushSenderTest {

  @Test
  void thePushServiceGetsWhatOnlyTheBrowserCanReadAndAValidVapidHeader() throws Exception {
    try (WebhookReceiver service = WebhookReceiver.start()) {
      service.answer(201, null);
      PushBrowser browser = new PushBrowser();
      JsonObject sub =
          Json.createReader(
                  new StringReader(browser.subscription(service.url("/push/abc"), "Test")))
              .readObject();
      VapidKeys vapid = new VapidKeys(VapidKeys.newPair(), "mailto:ops@example.com");
      WebPushSender sender = new WebPushSender(vapid, url -> url, Clock.systemUTC());
      PushSubscription to =
          new PushSubscription(
              "d1",
              "ada",
              sub.getString("endpoint"),
              sub.getJsonObject("keys").getString("p256dh"),
              sub.getJsonObject("keys").getString("auth"),
              "Test",
              Instant.now());
      int status =
          sender.send(
              to,
              new PushSender.Notification(
                  "Bob mentioned you in #ops", "the <b>deploy</b> failed", "/rooms/r1?at=3", "t"));
      assertEquals(201, status);

      WebhookReceiver.Call call = service.next(Duration.ofSeconds(5));
      assertEquals("aes128gcm", call.header("Content-Encoding"));
      assertEquals("86400", call.header("TTL"));
      String origin = service.url("").replaceAll("/$", "");
      assertTrue(
          PushBrowser.vapidVerifies(call.header("Authorization"), origin),
          call.header("Authorization"));
      assertTrue(call.header("Authorization").contains("k=" + vapid.publicKey()));
      JsonObject shown =
          Json.createReader(new StringReader(browser.decrypt(call.raw()))).readObject();
      assertEquals("Bob mentioned you in #ops", shown.getString("title"));
      assertEquals("the <b>deploy</b> failed", shown.getString("body"));
      assertEquals("/rooms/r1?at=3", shown.getString("url"));
      assertThrows(
          Exception.class,
          () -> new PushBrowser().decrypt(call.raw()),
          "another browser cannot read it");
    }
  }

  @Test
  void anEndpointThePolicyRefusesIsNeverCalled() throws Exception {
    VapidKeys vapid = new VapidKeys(VapidKeys.newPair(), "mailto:ops@example.com");
    WebPushSender sender =
        new WebPushSender(
            vapid,
            url -> {
              throw new IllegalArgumentException("private address");
            },
            Clock.systemUTC());
    PushBrowser browser = new PushBrowser();
    JsonObject sub =
        Json.createReader(new StringReader(browser.subscription("http://169.254.169.254/x", "T")))
            .readObject();
    PushSubscription to =
        new PushSubscription(
            "d1",
            "ada",
            "http://169.254.169.254/x",
            sub.getJsonObject("keys").getString("p256dh"),
            sub.getJsonObject("keys").getString("auth"),
            "T",
            Instant.now());
    assertThrows(
        java.io.IOException.class,
        () -> sender.send(to, new PushSender.Notification("t", "b", "/rooms", "x")));
  }
}
