package io.parley.search;

import io.parley.messaging.ChangeLog;
import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import io.parley.messaging.MessageHistory;
import io.parley.messaging.RoomEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this node's index following the message stream, on one thread of its own so a room's events
 * are applied in order and nobody who sends waits for the index. A room's mark advances only over
 * what was applied without a gap; an event that skips ahead (missed while the node was down, or
 * dropped because the queue was full) makes the indexer read the room from the store from its mark
 * instead. At start it does that for every room, so a restarted or new node catches up rather than
 * rebuilding, and a wiped index is rebuilt the same way.
 */
public final class SearchIndexer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());

  /** Messages read from the store per step of a catch-up. */
  static final int PAGE = 500;

  /**
   * How stale search may be. Each refresh writes a small segment that later merges; refreshing
   * whenever the queue ran empty (about once per message under steady chat) cost a third of the
   * server's CPU, once a second costs next to nothing (docs/performance.md, round 5).
   */
  private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final long COMMIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final MessageIndex index;
  private final MessageHistory store;
  private final ChangeLog changes;
  private final Supplier<List<String>> allRooms;
  private final BlockingQueue<Object> queue;
  private final Set<String> behind = new LinkedHashSet<>();
  private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
  private final AtomicLong applied = new AtomicLong();
  private volatile boolean running;
  private Thread thread;
  private boolean dirty;
  private long refreshedAt;
  private long committedAt;

  /** A request on the queue to empty the index and read every room again. */
  private record Rebuild(CompletableFuture<Void> done) {}

  /** A request on the queue to forget messages (retention). */
  private record Forget(String roomId, List<Long> seqs) {}

  public SearchIndexer(
      MessageIndex index,
      MessageHistory store,
      ChangeLog changes,
      Supplier<List<String>> allRooms,
      int queueSize) {
    this.index = index;
    this.store = store;
    this.changes = changes;
    this.allRooms = allRooms;
    this.queue = new LinkedBlockingQueue<>(queueSize);
  }

  /** Starts the indexing thread; it first catches every room up from the store. */
  public synchronized void start() {
    running = true;
    thread = new Thread(this::run, "parley-search-indexer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Completes once the first catch-up of every room is done. */
  public CompletableFuture<Void> caughtUp() {
    return caughtUp;
  }

  /** Hands a stored message or change over; never blocks (a full queue means a later catch-up). */
  public void accept(RoomEvent event) {
    if (!queue.offer(event)) {
      synchronized (behind) {
        behind.add(event.roomId());
      }
    }
  }

  /** Forgets messages removed from the store (by retention), in order with everything else. */
  public void forget(String roomId, List<Long> seqs) {
    Forget forget = new Forget(roomId, List.copyOf(seqs));
    try {
      queue.put(forget);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Empties the index and reads every room from the store again; completes when done. */
  public CompletableFuture<Void> rebuild() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      queue.put(new Rebuild(done));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.completeExceptionally(e);
    }
    return done;
  }

  /** Events and requests waiting to be applied. */
  public int backlog() {
    return queue.size();
  }

  /** Messages and changes applied since start (each message of a catch-up counts). */
  public long applied() {
    return applied.get();
  }

  private void run() {
    try {
      catchUpAll();
      caughtUp.complete(null);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "search index: first catch-up failed; retrying as events come", e);
      caughtUp.completeExceptionally(e);
    }
    while (running) {
      try {
        Object next = queue.poll(100, TimeUnit.MILLISECONDS);
        if (next != null) {
          apply(next);
        }
        catchUpBehind();
        long now = System.nanoTime();
        if (dirty && now - refreshedAt >= REFRESH_NANOS) {
          index.refresh();
          refreshedAt = now;
          dirty = false;
        }
        if (now - committedAt > COMMIT_NANOS) {
          index.commit();
          committedAt = now;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The store or the disk failed for a moment: the event's room is read again later.
        LOG.log(Level.WARNING, "search index: an update failed; the room will be read again", e);
      }
    }
  }

  private void apply(Object next) {
    if (next instanceof Message m) {
      applyMessage(m);
    } else if (next instanceof MessageChange c) {
      applyChange(c);
    } else if (next instanceof Forget f) {
      index.remove(f.roomId(), f.seqs());
      dirty = true;
    } else if (next instanceof Rebuild r) {
      try {
        index.clear();
        synchronized (behind) {
          behind.clear();
        }
        catchUpAll();
        index.commit();
        r.done().complete(null);
      } catch (RuntimeException e) {
        r.done().completeExceptionally(e);
        throw e;
      }
    }
  }

  private void applyMessage(Message m) {
    IndexMark mark = index.mark(m.roomId());
    if (m.seq() <= mark.seq()) {
      return; // already in (a duplicate announcement, or read by a catch-up)
    }
    if (m.seq() != mark.seq() + 1) {
      catchUp(m.roomId());
      return;
    }
    if (!m.deleted()) {
      index.put(m);
    }
    index.mark(m.roomId(), mark.withSeq(m.seq()));
    applied.incrementAndGet();
    dirty = true;
  }

  private void applyChange(MessageChange c) {
    IndexMark mark = index.mark(c.roomId());
    if (c.rev() <= mark.rev()) {
      return;
    }
    if (c.rev() != mark.rev() + 1 || c.seq() > mark.seq() || c.after() == null) {
      catchUp(c.roomId());
      return;
    }
    if (changesText(c.kind())) {
      show(c.roomId(), c.seq(), c.after());
    }
    index.mark(c.roomId(), mark.withRev(c.rev()));
    applied.incrementAndGet();
    dirty = true;
  }

  /** Reactions and thread replies change nothing the index holds; the rest are written again. */
  private static boolean changesText(MessageChange.Kind kind) {
    return kind != MessageChange.Kind.REACTED && kind != MessageChange.Kind.REPLIED;
  }

  private void show(String roomId, long seq, Message now) {
    if (now == null || now.deleted()) {
      index.remove(roomId, List.of(seq));
    } else {
      index.put(now);
    }
  }

  private void catchUpAll() {
    long t0 = System.nanoTime();
    long before = applied.get();
    List<String> rooms = allRooms.get();
    for (String roomId : rooms) {
      catchUp(roomId);
    }
    index.refresh();
    index.commit();
    refreshedAt = committedAt = System.nanoTime();
    long read = applied.get() - before;
    double seconds = (refreshedAt - t0) / 1e9;
    LOG.info(
        String.format(
            "search index: %d rooms caught up from the store, %d messages read in %.1f s"
                + " (%.0f/s); %d in the index",
            rooms.size(), read, seconds, read / Math.max(seconds, 1e-3), index.size()));
  }

  private void catchUpBehind() {
    List<String> rooms;
    synchronized (behind) {
      rooms = new ArrayList<>(behind);
      behind.clear();
    }
    rooms.forEach(this::catchUp);
  }

  /**
   * Reads the room from its mark: the newer messages in their current state, then the changes
   * since, each message's current state read again. Seqs are read by range, not "until an empty
   * page", since retention may have removed the oldest.
   */
  void catchUp(String roomId) {
    IndexMark mark = index.mark(roomId);
    long lastSeq = store.lastSeq(roomId);
    long lastRev = changes.lastRev(roomId);
    for (long from = mark.seq(); from < lastSeq; from += PAGE) {
      for (Message m : store.after(roomId, from, (int) Math.min(PAGE, lastSeq - from))) {
        show(roomId, m.seq(), m);
        applied.incrementAndGet();
      }
    }
    long rev = mark.rev();
    while (rev < lastRev) {
      List<MessageChange> changes = this.changes.changesAfter(roomId, rev, PAGE);
      if (changes.isEmpty()) {
        break;
      }
      Set<Long> seqs = new TreeSet<>();
      for (MessageChange c : changes) {
        if (changesText(c.kind()) && c.seq() <= mark.seq()) {
          seqs.add(c.seq()); // newer messages were read above in their current state
        }
        rev = c.rev();
      }
      if (!seqs.isEmpty()) {
        List<Message> now = store.bySeqs(roomId, seqs);
        now.forEach(m -> show(roomId, m.seq(), m));
        Set<Long> gone = new TreeSet<>(seqs);
        now.forEach(m -> gone.remove(m.seq()));
        if (!gone.isEmpty()) {
          index.remove(roomId, gone);
        }
      }
    }
    index.mark(roomId, new IndexMark(Math.max(mark.seq(), lastSeq), Math.max(rev, lastRev)));
    dirty = true;
  }

  @Override
  public synchronized void close() {
    running = false; // not interrupted: an interrupt in the middle of a write closes the files
    if (thread != null) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
    index.commit();
  }
}
