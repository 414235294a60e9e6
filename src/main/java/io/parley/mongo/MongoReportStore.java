package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.reports.Report;
import io.parley.reports.ReportStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Reports in {@code reports}, keyed "roomId/seq/reporterId" (one per person and message). The queue
 * and a person's own list are read by {@code status} and {@code reporterId}: indexed on a real
 * MongoDB, a scan of this small collection on the embedded store; neither is a hot path.
 */
public class MongoReportStore implements ReportStore {

  private final MongoCollection<Document> reports;

  public MongoReportStore(MongoDatabase db) {
    this.reports = db.getCollection(Collections.REPORTS);
  }

  @Override
  public boolean add(Report report) {
    try {
      reports.insertOne(toDocument(report));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<Report> find(String id) {
    return Optional.ofNullable(reports.find(eq("_id", id)).first()).map(MongoReportStore::toReport);
  }

  @Override
  public List<Report> open() {
    List<Report> found = new ArrayList<>();
    reports.find(eq("status", Report.Status.OPEN.name())).forEach(d -> found.add(toReport(d)));
    found.sort(Comparator.comparing(Report::at));
    return found;
  }

  @Override
  public List<Report> byReporter(String reporterId, int limit) {
    List<Report> found = new ArrayList<>();
    reports.find(eq("reporterId", reporterId)).forEach(d -> found.add(toReport(d)));
    found.sort(Comparator.comparing(Report::at).reversed());
    return found.subList(0, Math.min(limit, found.size()));
  }

  @Override
  public void update(Report report) {
    reports.replaceOne(eq("_id", report.id()), toDocument(report), new ReplaceOptions());
  }

  private static Document toDocument(Report r) {
    return new Document("_id", r.id())
        .append("roomId", r.roomId())
        .append("seq", r.seq())
        .append("senderId", r.senderId())
        .append("reporterId", r.reporterId())
        .append("reason", r.reason())
        .append("at", Date.from(r.at()))
        .append("status", r.status().name())
        .append("outcome", r.outcome())
        .append("handledBy", r.handledBy())
        .append("handledAt", r.handledAt() == null ? null : Date.from(r.handledAt()));
  }

  private static Report toReport(Document d) {
    Date handledAt = d.getDate("handledAt");
    return new Report(
        d.getString("roomId"),
        d.getLong("seq"),
        d.getString("senderId"),
        d.getString("reporterId"),
        d.getString("reason"),
        d.getDate("at").toInstant(),
        Report.Status.valueOf(d.getString("status")),
        d.getString("outcome"),
        d.getString("handledBy"),
        handledAt == null ? null : handledAt.toInstant());
  }
}
