package io.parley.testing;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
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
  public List<AuditEntry> latest(int limit) {
    return List.copyOf(entries);
  }

  /** Everything recorded, oldest first. */
  public List<AuditEntry> entries() {
    return List.copyOf(entries);
  }
}
