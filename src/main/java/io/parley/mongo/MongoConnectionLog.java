package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.parley.presence.ConnectionLog;
import io.parley.presence.ConnectionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Socket records in the {@code connections} collection. Writes go through one background thread
 * with a bounded queue, so a handshake storm never waits on the store; past 10,000 waiting writes
 * records are dropped (and said so in the log) rather than slowing sockets down.
 */
public class MongoConnectionLog implements ConnectionLog, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(MongoConnectionLog.class.getName());

  private final MongoCollection<Document> records;
  private final String node;
  private final ThreadPoolExecutor writer =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(10_000),
          r -> {
            Thread t = new Thread(r, "parley-connection-log");
            t.setDaemon(true);
            return t;
          });

  /** The log of {@code node}'s sockets (its cluster address: socket ids are unique per node). */
  public MongoConnectionLog(MongoDatabase db, String node) {
    this.records = db.getCollection(Collections.CONNECTIONS);
    this.node = node;
  }

  private void later(Runnable write) {
    try {
      writer.execute(
          () -> {
            try {
              write.run();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "a connection record could not be written", e);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.fine("connection records are behind: one dropped");
    }
  }

  @Override
  public void opened(String socketId, String userId, String client, Instant at) {
    Document doc =
        new Document("_id", node + "/" + socketId)
            .append("node", node)
            .append("userId", userId)
            .append("client", client)
            .append("openedAt", Date.from(at));
    later(() -> records.insertOne(doc));
  }

  @Override
  public void closed(String socketId, Instant at, int code, String reason) {
    later(
        () ->
            records.updateOne(
                eq("_id", node + "/" + socketId),
                Updates.combine(
                    Updates.set("closedAt", Date.from(at)),
                    Updates.set("closeCode", code),
                    Updates.set("closeReason", reason))));
  }

  @Override
  public List<ConnectionRecord> recent(String userId, int limit) {
    List<ConnectionRecord> found = new ArrayList<>();
    records
        .find(eq("userId", userId))
        .sort(Sorts.descending("openedAt"))
        .limit(limit)
        .forEach(d -> found.add(toRecord(d)));
    return found;
  }

  @Override
  public long removeOpenedBefore(Instant cutoff) {
    return records.deleteMany(lt("openedAt", Date.from(cutoff))).getDeletedCount();
  }

  /** Waits until every record handed over so far is written (tests, and a clean stop). */
  public void flush() {
    try {
      writer.submit(() -> {}).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.FINE, "flushing connection records", e);
    }
  }

  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ConnectionRecord toRecord(Document d) {
    Date closed = d.getDate("closedAt");
    return new ConnectionRecord(
        d.getString("_id"),
        d.getString("node"),
        d.getString("userId"),
        d.getString("client"),
        d.getDate("openedAt").toInstant(),
        closed == null ? null : closed.toInstant(),
        d.getInteger("closeCode"),
        d.getString("closeReason"));
  }
}
