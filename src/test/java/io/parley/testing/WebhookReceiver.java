package io.parley.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP server on loopback standing in for a system that receives Parley's outgoing webhooks:
 * it records every call and answers as scripted (a status and a JSON body), or holds the call until
 * released (a receiver that hangs).
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One call as received: when, its headers (lower-case names), its body (and its bytes). */
  public record Call(Instant at, Map<String, String> headers, String body, byte[] raw) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private record Answer(int status, String json) {}

  private final HttpServer server;
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
  private volatile CountDownLatch hold = new CountDownLatch(0);

  private WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, String> headers = new TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
          calls.add(
              new Call(Instant.now(), headers, new String(body, StandardCharsets.UTF_8), body));
          try {
            hold.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          Answer a = script.pollFirst();
          int status = a == null ? 200 : a.status();
          byte[] out =
              a == null || a.json() == null
                  ? new byte[0]
                  : a.json().getBytes(StandardCharsets.UTF_8);
          if (out.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
          }
          exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
          }
        });
    server.start();
  }

  public static WebhookReceiver start() throws IOException {
    return new WebhookReceiver();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next calls are answered with these, in order (then 200 without a body). */
  public WebhookReceiver answer(int status, String json) {
    script.addLast(new Answer(status, json));
    return this;
  }

  /** Calls wait until the returned latch is counted down (a receiver that hangs). */
  public CountDownLatch hang() {
    CountDownLatch latch = new CountDownLatch(1);
    hold = latch;
    return latch;
  }

  /** The next call, or null if none came in time. */
  public Call next(Duration timeout) throws InterruptedException {
    return calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public int waiting() {
    return calls.size();
  }

  /**
   * Whether the call carries a valid signature for {@code secret}, checked as docs/api.md tells a
   * receiver to: HMAC-SHA256 over "timestamp.body", compared in fixed time, timestamp recent.
   */
  public static boolean verifies(String secret, Call call) throws Exception {
    String timestamp = call.header("X-Parley-Timestamp");
    String signature = call.header("X-Parley-Signature");
    if (timestamp == null || signature == null) {
      return false;
    }
    if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected =
        ("sha256="
                + HexFormat.of()
                    .formatHex(
                        mac.doFinal(
                            (timestamp + "." + call.body()).getBytes(StandardCharsets.UTF_8))))
            .getBytes(StandardCharsets.US_ASCII);
    return java.security.MessageDigest.isEqual(
        expected, signature.getBytes(StandardCharsets.US_ASCII));
  }

  public static Duration between(Call earlier, Call later) {
    return Duration.between(earlier.at(), later.at());
  }

  @Override
  public void close() {
    hold.countDown();
    server.stop(0);
  }
}
