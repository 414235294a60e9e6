package io.parley.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The audit log in the {@code audit} collection: inserts only (this class has no update or delete),
 * each entry stamped with the node that recorded it.
 */
public class MongoAuditLog implements AuditLog {

  private final MongoCollection<Document> audit;
  private final String node;

  public MongoAuditLog(MongoDatabase db, String node) {
    this.audit = db.getCollection(Collections.AUDIT);
    this.node = node;
  }

  @Override
  public void record(AuditEntry e) {
    audit.insertOne(
        new Document("at", Date.from(e.at()))
            .append("action", e.action())
            .append("actorId", e.actorId())
            .append("targetId", e.targetId())
            .append("roomId", e.roomId())
            .append("reason", e.reason())
            .append("detail", new Document(new HashMap<>(e.detail())))
            .append("node", node));
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    // A console read, not a hot path (the embedded store sorts by scanning).
    List<AuditEntry> entries = new ArrayList<>();
    for (Document d : audit.find().sort(Sorts.descending("at")).limit(limit)) {
      Map<String, String> detail = new HashMap<>();
      Document stored = d.get("detail", Document.class);
      if (stored != null) {
        stored.forEach((k, v) -> detail.put(k, String.valueOf(v)));
      }
      entries.add(
          new AuditEntry(
              d.getDate("at").toInstant(),
              d.getString("action"),
              d.getString("actorId"),
              d.getString("targetId"),
              d.getString("roomId"),
              d.getString("reason"),
              detail));
    }
    return entries;
  }
}
