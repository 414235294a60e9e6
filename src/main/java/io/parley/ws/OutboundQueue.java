package io.parley.ws;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One socket's outgoing frames: queued without blocking whoever delivers them, written one at a
 * time by the sink (on the writer pool), in order; those that queued up behind a write go out
 * together as one. A socket that falls too far behind (more frames or characters waiting than the
 * limits) is closed with 1013 "try again later": the page reconnects and catches up from the store,
 * and nobody else waits for it.
 */
final class OutboundQueue {

  /** Close code for a socket that could not keep up: the page reconnects and catches up. */
  static final int TOO_SLOW = 1013;

  /** Where frames go: an asynchronous write that reports its end, and a close. */
  interface Sink {
    void write(String frame, Consumer<Throwable> done);

    void close(int code, String reason);
  }

  private final Sink sink;
  private final int maxFrames;
  private final long maxChars;
  private final Runnable onOverflow;
  private final Executor continuation;

  private final ArrayDeque<String> waiting = new ArrayDeque<>(); // guarded by this
  private long waitingChars; // guarded by this
  private boolean writing; // guarded by this
  private boolean finished; // guarded by this: closed, overflowed or failed

  /**
   * @param continuation where the next write starts when the previous one ended on the container's
   *     thread: not inside the container's completion callback, where a new send may be refused as
   *     "a previous send is still in progress"
   */
  OutboundQueue(
      Sink sink, int maxFrames, long maxChars, Runnable onOverflow, Executor continuation) {
    this.sink = sink;
    this.maxFrames = maxFrames;
    this.maxChars = maxChars;
    this.onOverflow = onOverflow;
    this.continuation = continuation;
  }

  /** Queues a frame; false when it will never be written (socket finished or too far behind). */
  boolean offer(String frame) {
    boolean overflow = false;
    synchronized (this) {
      if (finished) {
        return false;
      }
      if (!writing) {
        writing = true; // idle: this frame goes straight out
      } else if (waiting.size() >= maxFrames || waitingChars + frame.length() > maxChars) {
        finished = true;
        overflow = true;
        waiting.clear();
        waitingChars = 0;
      } else {
        waiting.addLast(frame);
        waitingChars += frame.length();
        return true;
      }
    }
    if (overflow) {
      onOverflow.run();
      sink.close(TOO_SLOW, "too far behind: reconnect to catch up");
      return false;
    }
    writeFrom(frame);
    return true;
  }

  /** Frames waiting behind the one being written. */
  synchronized int depth() {
    return waiting.size();
  }

  /** Nothing more is written (the socket closed). */
  synchronized void finish() {
    finished = true;
    waiting.clear();
    waitingChars = 0;
  }

  /**
   * Writes {@code frame} and, while writes complete on this very thread, the frames after it; a
   * write that completes later continues from its own callback. (A loop, not recursion, so a sink
   * that completes inline cannot overflow the stack.)
   */
  private void writeFrom(String frame) {
    String next = frame;
    while (next != null) {
      Completion completion = new Completion();
      sink.write(next, completion);
      next = completion.continueHere();
    }
  }

  /** After a write: the next frame to write, or null when idle or finished. */
  private synchronized String afterWrite(Throwable failure) {
    if (failure != null || finished) {
      finished = true;
      writing = false;
      waiting.clear();
      waitingChars = 0;
      return null;
    }
    String next = waiting.pollFirst();
    if (next == null) {
      writing = false;
      return null;
    }
    waitingChars -= next.length();
    if (waiting.isEmpty() || next.length() + waiting.peekFirst().length() > BATCH_CHARS) {
      return next;
    }
    // What queued up during the last write goes out as one frame: every frame is a run of
    // out-of-band swaps, and htmx applies each element of a frame in order, so joining them
    // changes nothing for the page but saves a write (and a message event) per frame.
    StringBuilder batch = new StringBuilder(next);
    while (!waiting.isEmpty() && batch.length() + waiting.peekFirst().length() <= BATCH_CHARS) {
      String more = waiting.pollFirst();
      waitingChars -= more.length();
      batch.append(more);
    }
    return batch.toString();
  }

  /** At most this many characters are joined into one frame. */
  static final int BATCH_CHARS = 64 * 1024;

  /** The end of one write, which may come before or after {@code sink.write} returns. */
  private final class Completion implements Consumer<Throwable> {
    private boolean returned;
    private boolean done;
    private Throwable failure;

    @Override
    public void accept(Throwable error) {
      synchronized (this) {
        done = true;
        failure = error;
        if (!returned) {
          return; // the writing thread continues in continueHere()
        }
      }
      String next = afterWrite(error);
      if (next != null) {
        continuation.execute(() -> writeFrom(next));
      } else if (error != null) {
        // The socket is broken or stalled past the send timeout: close it, so the page
        // reconnects and catches up instead of waiting on a socket that gets nothing.
        sink.close(TOO_SLOW, "write failed: reconnect to catch up");
      }
    }

    /** Called once sink.write returned: continue inline if the write is already done. */
    String continueHere() {
      synchronized (this) {
        returned = true;
        if (!done) {
          return null; // accept() continues when the write ends
        }
      }
      String next = afterWrite(failure);
      if (next == null && failure != null) {
        sink.close(TOO_SLOW, "write failed: reconnect to catch up");
      }
      return next;
    }
  }
}
