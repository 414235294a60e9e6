package io.parley.audit;

import java.util.List;

/** Where acts are recorded, for good: there is no update or delete. */
public interface AuditLog {

  AuditLog NONE =
      new AuditLog() {
        @Override
        public void record(AuditEntry entry) {}

        @Override
        public List<AuditEntry> latest(int limit) {
          return List.of();
        }
      };

  void record(AuditEntry entry);

  /** The newest entries first. */
  List<AuditEntry> latest(int limit);
}
