package io.parley.push;

import io.parley.away.PushSender;
import io.parley.away.PushSubscription;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * Sends one notification to one browser: the JSON the service worker shows ({@code title}, {@code
 * body}, {@code url}, {@code tag}), encrypted for the browser, with the server's VAPID header, to
 * the subscription's endpoint once it passed {@code allowed} (public addresses only, like
 * webhooks). Redirects are not followed.
 */
public class WebPushSender implements PushSender {

  private final VapidKeys vapid;
  private final UnaryOperator<String> allowed;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(3))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** {@code allowed} answers the URL to call, or throws when it may not be called. */
  public WebPushSender(VapidKeys vapid, UnaryOperator<String> allowed, Clock clock) {
    this.vapid = vapid;
    this.allowed = allowed;
    this.clock = clock;
  }

  @Override
  public int send(PushSubscription to, Notification n) throws IOException {
    URI endpoint;
    try {
      endpoint = URI.create(allowed.apply(to.endpoint()));
    } catch (RuntimeException refused) {
      throw new IOException("push endpoint refused: " + refused.getMessage(), refused);
    }
    byte[] payload =
        Json.createObjectBuilder()
            .add("title", n.title())
            .add("body", n.body())
            .add("url", n.path())
            .add("tag", n.tag())
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    byte[] body =
        WebPushEncryption.encrypt(
            payload,
            Base64.getUrlDecoder().decode(to.p256dh()),
            Base64.getUrlDecoder().decode(to.auth()));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(5))
            .header("TTL", "86400")
            .header("Urgency", "high")
            .header("Content-Encoding", "aes128gcm")
            .header("Content-Type", "application/octet-stream")
            .header("Authorization", vapid.authorization(endpoint, clock.instant()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
