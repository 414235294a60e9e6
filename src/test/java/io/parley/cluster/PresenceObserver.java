package io.parley.cluster;

import io.parley.it.TestUser;
import io.parley.render.Dom;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A page open on one node, watching a room, that notes when a member's presence dot turns offline.
 * Used to time how long a dead node's users keep showing online elsewhere.
 */
final class PresenceObserver implements AutoCloseable {

  private final WebSocket socket;
  private final String offlineClass;
  private final StringBuilder partial = new StringBuilder();
  private volatile long offlineAt = -1;

  PresenceObserver(String nodeUrl, TestUser viewer, String roomId, String watchedUserId) {
    this.offlineClass = "presence-" + Dom.key(watchedUserId) + " offline";
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Cookie", "parley_token=" + viewer.token())
            .header("Origin", nodeUrl)
            .buildAsync(URI.create(nodeUrl.replaceFirst("^http", "ws") + "/ws"), new Listener())
            .join();
    socket.sendText("{\"type\":\"resume\",\"roomId\":\"" + roomId + "\",\"afterSeq\":0}", true);
  }

  /** A socket of the watched user, held open on the given node. */
  static WebSocket holdOpen(String nodeUrl, TestUser user) {
    return HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .header("Cookie", "parley_token=" + user.token())
        .header("Origin", nodeUrl)
        .connectTimeout(Duration.ofSeconds(5))
        .buildAsync(URI.create(nodeUrl.replaceFirst("^http", "ws") + "/ws"), new Ignore())
        .join();
  }

  /** When (System.nanoTime) the member first showed offline, or -1. */
  long offlineAt() {
    return offlineAt;
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        if (offlineAt < 0 && partial.indexOf(offlineClass) >= 0) {
          offlineAt = System.nanoTime();
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  private static final class Ignore implements WebSocket.Listener {}
}
