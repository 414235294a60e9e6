package io.parley.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's backend that answers a write only once it is durable: each write command is
 * appended to the {@link WriteAheadLog} and applied to the H2 maps, one at a time and in the same
 * order, and answered once a {@link GroupCommit} has flushed (and forced) the log past it. The H2
 * file itself is committed at checkpoints ({@link #checkpoint}); each commit holds whole writes and
 * the lsn of the last one, so after a crash the log is applied again from there.
 */
final class DurableH2Backend extends KeyedH2Backend {

  private static final Logger LOG = Logger.getLogger(DurableH2Backend.class.getName());

  /** The commands that change data; every other command (find, getMore, hello, ...) reads. */
  static final Set<String> WRITES =
      Set.of(
          "insert",
          "update",
          "delete",
          "findAndModify",
          "findandmodify",
          "create",
          "createIndexes",
          "drop",
          "dropIndexes",
          "dropDatabase",
          "renameCollection");

  /** The H2 map of the log's marks: which store this is, and the last write it holds. */
  static final String MARKS = "parley.wal";

  private static final String STORE_ID = "storeId";
  private static final String LSN = "lsn";

  private final MVMap<String, Object> marks;
  private final WriteAheadLog log;
  private final GroupCommit commits;
  private final Object order = new Object();

  DurableH2Backend(MVStore store, Path logDir, boolean force, GroupCommit.Observer observer) {
    super(store);
    this.marks = store.openMap(MARKS);
    String storeId = (String) marks.get(STORE_ID);
    if (storeId == null) {
      // A new store: its id is on disk before the log names it, so a crash before the first
      // checkpoint does not leave a log that seems to belong to another store.
      storeId = UUID.randomUUID().toString();
      marks.put(STORE_ID, storeId);
      store.commit();
      store.sync();
    }
    long applied = appliedLsn();
    long[] replayed = {0};
    EmbeddedChannel replaying = new EmbeddedChannel();
    this.log =
        WriteAheadLog.open(
            logDir,
            storeId,
            force,
            applied,
            (lsn, bytes) -> {
              apply(replaying, lsn, bytes);
              replayed[0]++;
            });
    replaying.close();
    if (replayed[0] > 0) {
      LOG.info(
          () ->
              "Applied "
                  + replayed[0]
                  + " writes from the write-ahead log that the store file did not hold yet"
                  + " (after lsn "
                  + applied
                  + ")");
      store.commit();
    }
    this.commits = new GroupCommit(log::flush, log::force, observer);
  }

  GroupCommit commits() {
    return commits;
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    Document command = message.getDocument();
    if (!isWrite(command)) {
      return super.handleMessage(message);
    }
    byte[] entry = encode(message.getDatabaseName(), command);
    return commits.write(
        () -> {
          synchronized (order) {
            long lsn = log.append(entry);
            try {
              return super.handleMessage(message);
            } finally {
              marks.put(LSN, lsn);
            }
          }
        });
  }

  /**
   * Commits the H2 file with every write applied so far (none half-applied) and forces it to disk;
   * returns the lsn it holds. Log records up to it are then needed only if H2 loses this commit.
   */
  long checkpoint() {
    long lsn =
        commits.exclusively(
            () -> {
              getMvStore().commit();
              return appliedLsn();
            });
    getMvStore().sync();
    return lsn;
  }

  /** Starts a new log segment and drops the segments whose writes are all at or below the lsn. */
  void trimLog(long keepAfter) {
    commits.exclusively(
        () -> {
          try {
            log.rotate(keepAfter);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return null;
        });
  }

  private long appliedLsn() {
    Object lsn = marks.get(LSN);
    return lsn instanceof Number n ? n.longValue() : 0L;
  }

  @Override
  public void close() {
    super.close(); // commits the H2 file cleanly, lsn included
    try {
      log.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not close the write-ahead log", e);
    }
  }

  static boolean isWrite(Document command) {
    return !command.isEmpty() && WRITES.contains(command.keySet().iterator().next());
  }

  private void apply(EmbeddedChannel channel, long lsn, ByteBuffer bytes) {
    ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
    Document entry = BsonDecoder.decodeBson(buffer);
    Document command = (Document) entry.get("command");
    String name = command.keySet().iterator().next();
    try {
      handleCommand(channel, (String) entry.get("db"), name, command);
    } catch (RuntimeException e) {
      // As when it was first applied: a refused write (a duplicate key) is refused again.
      LOG.fine(() -> "write " + lsn + " (" + name + ") refused again on replay: " + e);
    }
    marks.put(LSN, lsn);
  }

  private static byte[] encode(String database, Document command) {
    ByteBuf buffer = Unpooled.buffer();
    try {
      BsonEncoder.encodeDocument(new Document("db", database).append("command", command), buffer);
      byte[] bytes = new byte[buffer.readableBytes()];
      buffer.readBytes(bytes);
      return bytes;
    } finally {
      buffer.release();
    }
  }
}
