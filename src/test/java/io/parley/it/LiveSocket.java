package io.parley.it;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like WebSocket client of /ws (the JDK's client over a real socket). */
public final class LiveSocket implements AutoCloseable {

  private static final Pattern MESSAGE_ID = Pattern.compile("id=\"msg-([0-9a-f-]+)-(\\d+)\"");

  private final WebSocket socket;
  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile java.util.function.Consumer<String> observer;

  private LiveSocket(TestUser user, String origin) {
    this(user, URI.create(Parley.wsUrl()), origin);
  }

  private LiveSocket(TestUser user, URI url, String origin) {
    WebSocket.Builder builder =
        Parley.HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (user != null) {
      builder.header("Cookie", "parley_token=" + user.token());
    }
    if (origin != null) {
      builder.header("Origin", origin);
    }
    this.socket = builder.buildAsync(url, new Listener()).join();
  }

  /** A socket to another server than the suite's (e.g. one the run command started). */
  public static LiveSocket open(TestUser user, URI url, String origin) {
    return new LiveSocket(user, url, origin);
  }

  public static LiveSocket open(TestUser user) {
    return new LiveSocket(user, Parley.baseUrl());
  }

  public static LiveSocket open(TestUser user, String origin) {
    return new LiveSocket(user, origin);
  }

  /** Hands every frame to {@code observer} as it arrives, instead of queueing it. */
  public LiveSocket onFrame(java.util.function.Consumer<String> observer) {
    this.observer = observer;
    return this;
  }

  public LiveSocket send(String json) {
    socket.sendText(json, true).join();
    return this;
  }

  public LiveSocket resume(String roomId, long afterSeq) {
    return send(
        "{\"type\":\"resume\",\"roomId\":\"" + roomId + "\",\"afterSeq\":" + afterSeq + "}");
  }

  /** Resumes as a page whose last message is seq {@code afterSeq}, created at {@code afterAt}. */
  public LiveSocket resume(String roomId, long afterSeq, String afterAt) {
    return resumeWith(roomId, afterSeq, ",\"afterAt\":" + Parley.quote(afterAt));
  }

  /** Resumes as a page that shows messages up to {@code afterSeq} and changes up to afterRev. */
  public LiveSocket resume(String roomId, long afterSeq, long afterRev) {
    return resumeWith(roomId, afterSeq, ",\"afterRev\":" + afterRev);
  }

  private LiveSocket resumeWith(String roomId, long afterSeq, String more) {
    return send(
        "{\"type\":\"resume\",\"roomId\":\"" + roomId + "\",\"afterSeq\":" + afterSeq + more + "}");
  }

  public LiveSocket sendMessage(String roomId, String body, String clientMsgId) {
    return send(
        "{\"type\":\"send\",\"roomId\":\""
            + roomId
            + "\",\"body\":"
            + Parley.quote(body)
            + ",\"clientMsgId\":\""
            + clientMsgId
            + "\",\"HEADERS\":{\"HX-Request\":\"true\"}}");
  }

  /** Waits for the next frame matching the predicate, skipping others. */
  public String await(Predicate<String> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        String frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (frame != null && wanted.test(frame)) {
          return frame;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no matching frame within " + timeout);
  }

  /**
   * Returns once the server has registered this socket (it answers a frame only after its open
   * handler ran), so nothing pushed from now on can be missed.
   */
  public LiveSocket ready() {
    send("{\"type\":\"ping\"}");
    await(f -> f.contains("unknown frame type"), Duration.ofSeconds(10));
    return this;
  }

  /** The status fragment (ack or error) that answers a send. */
  public String awaitStatus() {
    return await(f -> f.contains("id=\"composer-status\""), Duration.ofSeconds(10));
  }

  /** Collects the seqs of message fragments of a room until {@code count} arrived. */
  public List<Long> awaitMessages(String roomId, int count, Duration timeout) {
    List<Long> seqs = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (seqs.size() < count && System.nanoTime() < deadline) {
        String frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (frame == null) {
          break;
        }
        Matcher m = MESSAGE_ID.matcher(frame);
        while (m.find()) {
          if (m.group(1).equals(roomId)) {
            seqs.add(Long.parseLong(m.group(2)));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return seqs;
  }

  /** Frames that arrive within the quiet period; used to show that nothing more comes. */
  public List<String> drain(Duration quiet) {
    List<String> rest = new ArrayList<>();
    try {
      String frame;
      while ((frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        rest.add(frame);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return rest;
  }

  /** The close code the server sent (-1 on an error) once the socket closes. */
  public int awaitClose(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("the socket stayed open for " + timeout, e);
    }
  }

  /** A socket with the given raw token in the cookie. */
  public static LiveSocket withToken(String token) {
    return new LiveSocket(new TestUser("raw", token, Parley.baseUrl()), Parley.baseUrl());
  }

  public boolean isOpen() {
    return !closed.isDone() && !socket.isOutputClosed();
  }

  @Override
  public void close() {
    close(WebSocket.NORMAL_CLOSURE, "bye");
  }

  /** Closes with this close code and reason (the server records both). */
  public void close(int code, String reason) {
    if (!socket.isOutputClosed()) {
      socket.sendClose(code, reason).exceptionally(e -> null);
    }
  }

  private static final java.util.regex.Pattern NUMERIC_REFERENCE =
      java.util.regex.Pattern.compile("&#x([0-9a-fA-F]{1,6});");

  static String withCharacters(String html) {
    return NUMERIC_REFERENCE
        .matcher(html)
        .replaceAll(
            m ->
                java.util.regex.Matcher.quoteReplacement(
                    Character.toString(Integer.parseInt(m.group(1), 16))));
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        // The server writes pushed HTML in ASCII (characters beyond it as numeric references);
        // read back as a browser's parser would, so tests see the characters.
        String frame = withCharacters(partial.toString());
        partial.setLength(0);
        if (observer != null) {
          observer.accept(frame);
        } else {
          frames.add(frame);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(-1);
    }
  }
}
