package io.parley.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.audit.AuditQuery;
import io.parley.common.RequestOrigin;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The audit log in the {@code audit} collection: inserts only (this class has no update or delete;
 * a retention job would be the only remover), each entry stamped with the node that recorded it and
 * the client address of the request it came from.
 *
 * <p>Searches are console reads, not hot paths: on a real MongoDB the {@code at} index serves the
 * order; the embedded store reads the collection for each.
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
    String client = e.client() != null ? e.client() : RequestOrigin.client();
    audit.insertOne(
        new Document("at", Date.from(e.at()))
            .append("action", e.action())
            .append("actorId", e.actorId())
            .append("targetId", e.targetId())
            .append("roomId", e.roomId())
            .append("reason", e.reason())
            .append("detail", new Document(new HashMap<>(e.detail())))
            .append("node", node)
            .append("client", client));
  }

  @Override
  public List<AuditEntry> search(AuditQuery query) {
    List<AuditEntry> entries = new ArrayList<>();
    find(query)
        .skip(query.page() * query.size())
        .limit(query.size())
        .forEach(d -> entries.add(toEntry(d)));
    return entries;
  }

  @Override
  public void export(AuditQuery query, Consumer<AuditEntry> each) {
    // The driver's cursor fetches in batches: the export never holds the whole log.
    find(query).batchSize(500).forEach(d -> each.accept(toEntry(d)));
  }

  private FindIterable<Document> find(AuditQuery q) {
    List<Bson> filters = new ArrayList<>();
    if (q.actorId() != null) {
      filters.add(eq("actorId", q.actorId()));
    }
    if (q.targetId() != null) {
      filters.add(eq("targetId", q.targetId()));
    }
    if (q.roomId() != null) {
      filters.add(eq("roomId", q.roomId()));
    }
    if (q.action() != null) {
      filters.add(
          q.action().endsWith(".")
              ? regex("action", "^" + Pattern.quote(q.action()))
              : eq("action", q.action()));
    }
    if (q.from() != null) {
      filters.add(gte("at", Date.from(q.from())));
    }
    if (q.to() != null) {
      filters.add(lt("at", Date.from(q.to())));
    }
    Bson filter = filters.isEmpty() ? new Document() : and(filters);
    return audit.find(filter).sort(Sorts.orderBy(Sorts.descending("at"), Sorts.descending("_id")));
  }

  private static AuditEntry toEntry(Document d) {
    Map<String, String> detail = new HashMap<>();
    Document stored = d.get("detail", Document.class);
    if (stored != null) {
      stored.forEach((k, v) -> detail.put(k, String.valueOf(v)));
    }
    return new AuditEntry(
        d.getDate("at").toInstant(),
        d.getString("action"),
        d.getString("actorId"),
        d.getString("targetId"),
        d.getString("roomId"),
        d.getString("reason"),
        detail,
        d.getString("node"),
        d.getString("client"));
  }
}
