package io.parley.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;

/**
 * One simulated browser tab: a signed-in user's socket that speaks the page's frames (resume, send,
 * presence heartbeats) and checks its stream of one room: every seq once, in order.
 */
final class LoadClient {

  private static final Pattern MESSAGE = Pattern.compile("id=\"msg-([0-9a-f-]+)-(\\d+)\"");

  /** The send time a generated body carries ("load <nanoTime>"); seeded history has none. */
  private static final Pattern SENT_AT = Pattern.compile("<div class=\"body\"><p>load (\\d+)");

  private static final Pattern ACK =
      Pattern.compile("data-client-msg-id=\"([^\"]+)\" data-seq=\"(\\d+)\"");

  final String token;
  final String roomId;
  private final Recorder delivery;
  private final Recorder acks;
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile WebSocket socket;
  private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
  private final AtomicLong sent = new AtomicLong();

  // The stream check, updated by the socket's listener thread only.
  volatile long lastSeq;
  volatile long received;
  volatile long duplicates;
  volatile long gaps;
  volatile long highestAcked;
  volatile long refused;

  LoadClient(String token, String roomId, Recorder delivery, Recorder acks) {
    this.token = token;
    this.roomId = roomId;
    this.delivery = delivery;
    this.acks = acks;
  }

  /** Opens the socket and watches the room from the last seq it has. */
  CompletableFuture<Void> connect(HttpClient http, String baseUrl) {
    ready = new CompletableFuture<>();
    URI ws = URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws");
    return http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(30))
        .header("Cookie", "parley_token=" + token)
        .header("Origin", baseUrl)
        .buildAsync(ws, new Listener())
        .thenAccept(
            s -> {
              socket = s;
              send(
                  "{\"type\":\"resume\",\"roomId\":\""
                      + roomId
                      + "\",\"afterSeq\":"
                      + lastSeq
                      + "}");
              send("{\"type\":\"presence\",\"state\":\"online\"}");
              send("{\"type\":\"ping\"}"); // answered after the resume: the tab is live
            });
  }

  CompletableFuture<Void> ready() {
    return ready;
  }

  /** The page's heartbeat: its presence every 10 s. */
  void heartbeat() {
    send("{\"type\":\"presence\",\"state\":\"online\"}");
  }

  /** Posts a message whose body carries the send time. */
  void post() {
    String clientMsgId = "l" + Long.toHexString(System.nanoTime()) + "-" + sent.incrementAndGet();
    long now = System.nanoTime();
    sentAt.put(clientMsgId, now);
    send(
        "{\"type\":\"send\",\"roomId\":\""
            + roomId
            + "\",\"body\":\"load "
            + now
            + "\",\"clientMsgId\":\""
            + clientMsgId
            + "\"}");
  }

  boolean isOpen() {
    WebSocket s = socket;
    return s != null && !s.isOutputClosed() && !s.isInputClosed();
  }

  void drop() {
    WebSocket s = socket;
    if (s != null) {
      s.abort();
    }
  }

  void close() {
    WebSocket s = socket;
    if (s != null && !s.isOutputClosed()) {
      s.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
    }
  }

  private synchronized void send(String json) {
    WebSocket s = socket;
    if (s == null || s.isOutputClosed()) {
      return;
    }
    try {
      s.sendText(json, true).join();
    } catch (RuntimeException e) {
      // the socket went away; the run counts what was delivered
    }
  }

  private void frame(String frame) {
    boolean pong = frame.contains("unknown frame type"); // the answer to the ready ping
    if (pong) {
      ready.complete(null);
    }
    if (!pong && frame.contains("class=\"status error\"")) {
      refused++;
    }
    Matcher ack = ACK.matcher(frame);
    if (ack.find()) {
      Long at = sentAt.remove(ack.group(1));
      if (at != null) {
        acks.recordValue(Math.max(0, System.nanoTime() - at) / 1000);
      }
      highestAcked = Math.max(highestAcked, Long.parseLong(ack.group(2)));
      // no return: a frame may carry messages after the ack (frames queued together go as one)
    }
    Matcher m = MESSAGE.matcher(frame);
    while (m.find()) {
      if (!m.group(1).equals(roomId)) {
        continue;
      }
      long seq = Long.parseLong(m.group(2));
      if (seq <= lastSeq) {
        duplicates++;
        continue;
      }
      if (seq > lastSeq + 1) {
        gaps++; // a seq skipped: what comes later for it counts as a duplicate
      }
      lastSeq = seq;
      received++;
      int next = frame.indexOf("id=\"msg-", m.end());
      Matcher sent = SENT_AT.matcher(frame).region(m.end(), next < 0 ? frame.length() : next);
      if (sent.find()) {
        delivery.recordValue(Math.max(0, System.nanoTime() - Long.parseLong(sent.group(1))) / 1000);
      }
    }
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        frame(frame);
      }
      ws.request(1);
      return null;
    }
  }
}
