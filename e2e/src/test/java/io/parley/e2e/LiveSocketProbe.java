package io.parley.e2e;

import io.parley.it.Parley;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A bot's bare socket: opened with a Bearer token, and whether the server closed it since. */
final class LiveSocketProbe {

  private final WebSocket socket;
  private final CompletableFuture<Integer> closed;

  private LiveSocketProbe(WebSocket socket, CompletableFuture<Integer> closed) {
    this.socket = socket;
    this.closed = closed;
  }

  static LiveSocketProbe open(String httpsBase, String token) {
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket socket =
        Parley.HTTP
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .header("Origin", httpsBase)
            .buildAsync(
                URI.create(httpsBase.replace("https", "wss") + "/ws"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                    closed.complete(code);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket ws, Throwable error) {
                    closed.complete(-1);
                  }
                })
            .join();
    return new LiveSocketProbe(socket, closed);
  }

  /** The close code the server sent (-1 on an error). */
  int awaitClose(java.time.Duration timeout) throws Exception {
    return closed.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  boolean isOpen() {
    return !closed.isDone();
  }

  void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }
  }
}
