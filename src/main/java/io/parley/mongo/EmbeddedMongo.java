package io.parley.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire server inside this JVM, storing into an H2 file, for when no MONGO_URI is given.
 * It listens on a real socket so that tools (mongosh, tests) can inspect the same data. A write is
 * answered only once its write-ahead log record is on disk ({@link DurableH2Backend}); the H2 file
 * is committed here at checkpoints, once a second.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedMongo.class.getName());

  /** The store's file in the data directory. */
  public static final String FILE_NAME = "parley.mv";

  /**
   * Threads that answer the wire protocol. A write holds its thread until its commit is on disk, so
   * there are enough for the writers of one group commit (the driver pools up to 100 connections)
   * without reads waiting behind them.
   */
  static final int WORKER_THREADS = 32;

  /** The write-ahead log's folder in the data directory. */
  public static final String LOG_DIR = "wal";

  /** How often the H2 file is committed (a checkpoint), and its sparse chunks rewritten. */
  static final long CHECKPOINT_MILLIS = 1000;

  /**
   * How much live data the housekeeping may move out of sparse chunks per checkpoint. H2's own
   * writer moved about 14 MB a second under load; at 1 MB a million seeded messages left an 8 GB
   * file with 14 % live data in it (docs/performance.md).
   */
  static final int HOUSEKEEPING_WRITE_BYTES = 16 << 20;

  /**
   * Log records are kept until this many later checkpoints hold them (about a minute). H2 was seen
   * to reopen a crashed file at an older commit than its last; it can only fall back to versions
   * whose chunks are still there, and it keeps dead chunks for its retention time (45 s) before
   * reusing their space. If it ever went back past the log, the store refuses to start rather than
   * lose writes silently.
   */
  static final int CHECKPOINTS_KEPT = 60;

  /** A new log segment every this many checkpoints, so old ones can be deleted whole. */
  static final int CHECKPOINTS_PER_SEGMENT = 30;

  private final MongoServer server;
  private final String uri;
  private final MVStore store;
  private final DurableH2Backend backend;
  private final ScheduledExecutorService housekeeping;
  private final java.util.ArrayDeque<Long> checkpoints = new java.util.ArrayDeque<>();
  private long checkpointCount;

  private EmbeddedMongo(MongoServer server, String uri, MVStore store, DurableH2Backend backend) {
    this.server = server;
    this.uri = uri;
    this.store = store;
    this.backend = backend;
    this.housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "parley-store-housekeeping");
              t.setDaemon(true);
              return t;
            });
    housekeeping.scheduleWithFixedDelay(
        this::checkpoint, CHECKPOINT_MILLIS, CHECKPOINT_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Commits the H2 file, drops log segments no longer needed, and rewrites sparse chunks. H2's own
   * background writer is off: it would commit halfway through a write.
   */
  private void checkpoint() {
    try {
      checkpoints.addLast(backend.checkpoint());
      if (checkpoints.size() > CHECKPOINTS_KEPT) {
        checkpoints.removeFirst();
      }
      if (++checkpointCount % CHECKPOINTS_PER_SEGMENT == 0) {
        backend.trimLog(checkpoints.size() < CHECKPOINTS_KEPT ? 0 : checkpoints.peekFirst());
      }
      // Rewriting sparse chunks changes no content and commits nothing: writes go on meanwhile.
      store.compact(StoreFile.COMPACT_BELOW_PERCENT, HOUSEKEEPING_WRITE_BYTES);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The embedded store's checkpoint failed; the log still holds every write",
          e);
    }
  }

  /**
   * Writes a consistent copy of the whole store, as it was at one moment, to {@code target} while
   * Parley keeps running: writes pause only while the moment is taken, not while it is copied.
   */
  public StoreBackup.Result backup(Path target) {
    return StoreBackup.copy(store, backend.commits(), target);
  }

  public static EmbeddedMongo start(Path dataDir, String host, int port) {
    return start(dataDir, host, port, Durability.FORCED);
  }

  /** How the store makes a write durable before it answers it. */
  public record Durability(boolean force, GroupCommit.Observer observer) {
    /** Committed and forced to disk (fsync) before the answer: survives a power cut. */
    public static final Durability FORCED = new Durability(true, (writes, nanos) -> {});
  }

  public static EmbeddedMongo start(Path dataDir, String host, int port, Durability durability) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create data directory " + dataDir, e);
    }
    Path file = dataDir.resolve(FILE_NAME);
    if (!isLoopback(host)) {
      LOG.warning(
          () ->
              "The embedded store has no authentication and listens on "
                  + host
                  + ": anyone who reaches that address can read and change every message."
                  + " Keep it on 127.0.0.1, or use MONGO_URI with a secured MongoDB.");
    }
    MVStore store = StoreFile.open(file);
    DurableH2Backend backend;
    try {
      backend =
          new DurableH2Backend(
              store, dataDir.resolve(LOG_DIR), durability.force(), durability.observer());
    } catch (WriteAheadLog.WalGap e) {
      store.closeImmediately();
      throw new StoreFile.StoreWillNotOpen(file, e);
    }
    MongoServer server = new MongoServer(backend);
    server.bind(new InetSocketAddress(host, port), 1, WORKER_THREADS);
    InetSocketAddress address = server.getLocalAddress();
    String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    LOG.info(
        () ->
            "Embedded MongoDB-wire store at "
                + uri
                + ", data in "
                + file
                + (durability.force()
                    ? " (each write logged and forced to disk before it is answered)"
                    : " (each write logged before it is answered, NOT forced to disk:"
                        + " parley.embedded-mongo.fsync=false)"));
    return new EmbeddedMongo(server, uri, store, backend);
  }

  private static boolean isLoopback(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  public String uri() {
    return uri;
  }

  @Override
  public void close() {
    housekeeping.shutdownNow();
    try {
      housekeeping.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.shutdownNow(); // closes the backend: H2 committed cleanly, then the log
  }
}
