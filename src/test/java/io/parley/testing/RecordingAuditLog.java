package io.parley.testing;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.audit.AuditQuery;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit log that keeps what it is told, in order, for tests of one service. */
public final class RecordingAuditLog implements AuditLog {

  private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

  @Override
  public void record(AuditEntry entry) {
    entries.add(entry);
  }

  @Override
  public List<AuditEntry> search(AuditQuery query) {
    List<AuditEntry> newest = new java.util.ArrayList<>(entries);
    java.util.Collections.reverse(newest);
    return newest.stream()
        .filter(query::matches)
        .skip((long) query.page() * query.size())
        .limit(query.size())
        .toList();
  }

  @Override
  public void export(AuditQuery query, java.util.function.Consumer<AuditEntry> each) {
    List<AuditEntry> newest = new java.util.ArrayList<>(entries);
    java.util.Collections.reverse(newest);
    newest.stream().filter(query::matches).forEach(each);
  }

  /** Forgets what was recorded so far (what a test's setting up did). */
  public void clear() {
    entries.clear();
  }

  /** Everything recorded, oldest first. */
  public List<AuditEntry> entries() {
    return List.copyOf(entries);
  }
}
