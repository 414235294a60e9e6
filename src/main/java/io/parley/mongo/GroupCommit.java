package io.parley.mongo;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes writes durable before they are answered, and lets the writers that arrive together share
 * one commit and one flush (group commit).
 *
 * <p>A write runs under the shared side of a lock and the commit under the exclusive side, so a
 * commit always holds whole writes, never half of one (a document stored but its unique index entry
 * not yet). After its write, a writer waits until a commit that began after the write has been
 * flushed. The first writer to find no flush running leads the next one; the writers that finish
 * while it runs wait for it, and the first of them still not covered when it ends leads the next.
 * So under load each flush carries everything written during the previous one.
 */
public final class GroupCommit {

  /** A step of the commit that may fail (writing the chunk, forcing the file). */
  interface Step {
    void run() throws Exception;
  }

  /** Told of each flush: how many writes it made durable and how long it took. */
  public interface Observer {
    void flushed(long writes, long nanos);
  }

  private final Step commit;
  private final Step force;
  private final Observer observer;
  private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();
  private final AtomicLong applied = new AtomicLong();
  private final Object flushes = new Object();
  private long durable; // guarded by flushes
  private boolean leading; // guarded by flushes
  private long failedUpTo; // guarded by flushes: writes a failed flush could not make durable
  private Exception failure; // guarded by flushes

  /**
   * {@code commit} writes the committed state to the file; {@code force} puts it on the disk (a
   * no-op when forcing is switched off).
   */
  GroupCommit(Step commit, Step force, Observer observer) {
    this.commit = commit;
    this.force = force;
    this.observer = observer;
  }

  /** Runs the write, then returns its result once a commit holding it is on disk. */
  <T> T write(Supplier<T> write) {
    T result;
    long ticket;
    applying.readLock().lock();
    try {
      result = write.get();
    } finally {
      // Counted even when the write failed halfway: what it did change is flushed as well.
      ticket = applied.incrementAndGet();
      applying.readLock().unlock();
    }
    awaitDurable(ticket);
    return result;
  }

  /** Runs {@code work} with no write in progress (e.g. the store's housekeeping or a snapshot). */
  <T> T exclusively(Supplier<T> work) {
    applying.writeLock().lock();
    try {
      return work.get();
    } finally {
      applying.writeLock().unlock();
    }
  }

  private void awaitDurable(long ticket) {
    while (true) {
      synchronized (flushes) {
        while (durable < ticket && leading) {
          waitForFlush();
        }
        if (durable >= ticket) {
          return;
        }
        if (failure != null && ticket <= failedUpTo) {
          throw new StoreWriteFailed(failure);
        }
        leading = true;
      }
      flush();
    }
  }

  private void flush() {
    long start = System.nanoTime();
    long upTo = 0;
    long from;
    synchronized (flushes) {
      from = durable;
    }
    Exception failed = null;
    try {
      applying.writeLock().lock();
      try {
        upTo = applied.get();
        commit.run();
      } finally {
        applying.writeLock().unlock();
      }
      force.run();
    } catch (Exception e) {
      failed = e;
    } catch (Error e) {
      failed = new IllegalStateException(e);
    }
    synchronized (flushes) {
      if (failed == null) {
        durable = Math.max(durable, upTo);
      } else {
        failure = failed;
        failedUpTo = Math.max(failedUpTo, upTo == 0 ? applied.get() : upTo);
      }
      leading = false;
      flushes.notifyAll();
    }
    if (failed == null) {
      observer.flushed(upTo - from, System.nanoTime() - start);
    }
  }

  private void waitForFlush() {
    try {
      flushes.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreWriteFailed(e);
    }
  }

  /** A write that was applied but could not be made durable: it must not be acknowledged. */
  static final class StoreWriteFailed extends RuntimeException {
    StoreWriteFailed(Exception cause) {
      super("the store could not make a write durable: " + cause, cause);
    }
  }
}
