package io.parley.cluster;

import io.parley.it.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat client that behaves like Parley's page: one socket through the load balancer, resume with
 * the last seq it has on every (re)connect, reconnect with backoff and jitter, and resend every
 * unacknowledged message with its original clientMsgId until it is acknowledged.
 */
public final class ChatClient {

  private static final Pattern MESSAGE = Pattern.compile("id=\"msg-([0-9a-f-]+)-(\\d+)\"");
  private static final Pattern STATUS =
      Pattern.compile(
          "class=\"status (sent|error)\"[^>]*data-client-msg-id=\"([^\"]+)\"(?:[^>]*data-seq=\"(\\d+)\")?");
  private static final Duration RESEND_AFTER = Duration.ofSeconds(3);

  private final HttpClient http = HttpClient.newHttpClient();
  private final String wsUrl;
  private final String origin;
  private final TestUser user;
  private final String roomId;
  private final String name;

  private WebSocket socket;
  private int generation;
  private final List<Long> received = new ArrayList<>();
  private final Map<String, Long> unacked = new LinkedHashMap<>(); // clientMsgId -> sent at (ns)
  private final Map<String, String> bodies = new LinkedHashMap<>();
  private final List<String> acked = new ArrayList<>();
  private final Map<String, Long> ackedSeqs = new LinkedHashMap<>();
  private final List<Long> ackTimes = new ArrayList<>();
  private final AtomicInteger reconnects = new AtomicInteger();
  private long disconnectedAt = -1;
  private long longestOutageNanos;
  private volatile boolean stopped;

  public ChatClient(String baseUrl, TestUser user, String roomId, String name) {
    this.wsUrl = baseUrl.replaceFirst("^http", "ws") + "/ws";
    this.origin = baseUrl;
    this.user = user;
    this.roomId = roomId;
    this.name = name;
  }

  public synchronized void connect() {
    int mine = ++generation;
    http.newWebSocketBuilder()
        .header("Cookie", "parley_token=" + user.token())
        .header("Origin", origin)
        .connectTimeout(Duration.ofSeconds(3))
        .buildAsync(URI.create(wsUrl), new Listener(mine))
        .whenComplete(
            (ws, error) -> {
              if (error != null) {
                reconnectLater(mine);
              } else {
                opened(mine, ws);
              }
            });
  }

  private synchronized void opened(int gen, WebSocket ws) {
    if (gen != generation || stopped) {
      ws.abort();
      return;
    }
    socket = ws;
    if (disconnectedAt > 0) {
      longestOutageNanos = Math.max(longestOutageNanos, System.nanoTime() - disconnectedAt);
      disconnectedAt = -1;
    }
    long last = received.isEmpty() ? 0 : received.get(received.size() - 1);
    ws.sendText(
        "{\"type\":\"resume\",\"roomId\":\"" + roomId + "\",\"afterSeq\":" + last + "}", true);
    unacked.keySet().forEach(id -> unacked.put(id, 0L)); // resend all at once
    resendDue();
  }

  /** Queues a new message; it goes out now if connected, else after the reconnect. */
  public synchronized void send(int n) {
    String id = name + "-" + n;
    bodies.put(id, name + " says " + n);
    unacked.put(id, 0L);
    resendDue();
  }

  /** Sends every unacknowledged message whose last attempt is older than the resend delay. */
  public synchronized void resendDue() {
    if (socket == null) {
      return;
    }
    long now = System.nanoTime();
    for (Map.Entry<String, Long> e : unacked.entrySet()) {
      if (now - e.getValue() >= RESEND_AFTER.toNanos() || e.getValue() == 0L) {
        e.setValue(now);
        socket.sendText(
            "{\"type\":\"send\",\"roomId\":\""
                + roomId
                + "\",\"body\":\""
                + bodies.get(e.getKey())
                + "\",\"clientMsgId\":\""
                + e.getKey()
                + "\"}",
            true);
      }
    }
  }

  private String lastFrame = "";

  /** The last frame received (for a failing test's message). */
  public synchronized String lastFrame() {
    return lastFrame;
  }

  private synchronized void frame(int gen, String html) {
    lastFrame = html.length() > 300 ? html.substring(0, 300) : html;
    if (gen != generation) {
      return; // a frame from a socket already replaced
    }
    Matcher m = MESSAGE.matcher(html);
    while (m.find()) {
      if (m.group(1).equals(roomId)) {
        received.add(Long.parseLong(m.group(2)));
      }
    }
    Matcher s = STATUS.matcher(html);
    if (s.find()) {
      String id = s.group(2);
      if (s.group(1).equals("sent") && unacked.remove(id) != null) {
        acked.add(id);
        if (s.group(3) != null) {
          ackedSeqs.put(id, Long.parseLong(s.group(3)));
        }
        ackTimes.add(System.nanoTime());
      } else if (unacked.containsKey(id)) {
        unacked.put(id, System.nanoTime()); // refused for now (e.g. a node died): retry later
      }
    }
  }

  private synchronized void closed(int gen) {
    if (gen != generation || stopped) {
      return;
    }
    socket = null;
    if (disconnectedAt < 0) {
      disconnectedAt = System.nanoTime();
    }
    reconnectLater(gen);
  }

  private void reconnectLater(int gen) {
    if (stopped) {
      return;
    }
    reconnects.incrementAndGet();
    long delay =
        Math.min(2000, 100L << Math.min(4, reconnects.get() % 6))
            + ThreadLocalRandom.current().nextLong(100);
    new Thread(
            () -> {
              try {
                Thread.sleep(delay);
              } catch (InterruptedException e) {
                return;
              }
              synchronized (this) {
                if (gen == generation && !stopped) {
                  connect();
                }
              }
            })
        .start();
  }

  public synchronized void stop() {
    stopped = true;
    if (socket != null) {
      socket.abort();
    }
  }

  public synchronized List<Long> received() {
    return List.copyOf(received);
  }

  public synchronized List<String> acked() {
    return List.copyOf(acked);
  }

  /** The seq each acknowledged clientMsgId was acknowledged with. */
  public synchronized Map<String, Long> ackedSeqs() {
    return Map.copyOf(ackedSeqs);
  }

  /** The body sent with a clientMsgId. */
  public synchronized String body(String clientMsgId) {
    return bodies.get(clientMsgId);
  }

  synchronized List<Long> ackTimes() {
    return List.copyOf(ackTimes);
  }

  public synchronized int unackedCount() {
    return unacked.size();
  }

  public synchronized boolean connected() {
    return socket != null;
  }

  synchronized long longestOutageMillis() {
    return longestOutageNanos / 1_000_000;
  }

  public int reconnects() {
    return reconnects.get();
  }

  String roomId() {
    return roomId;
  }

  String name() {
    return name;
  }

  private final class Listener implements WebSocket.Listener {
    private final int gen;
    private final StringBuilder partial = new StringBuilder();

    Listener(int gen) {
      this.gen = gen;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        frame(gen, text);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      closed(gen);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed(gen);
    }
  }
}
