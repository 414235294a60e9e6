package io.parley.audit;

import java.util.List;
import java.util.function.Consumer;

/** Where acts are recorded, for good: there is no update or delete. */
public interface AuditLog {

  AuditLog NONE =
      new AuditLog() {
        @Override
        public void record(AuditEntry entry) {}

        @Override
        public List<AuditEntry> search(AuditQuery query) {
          return List.of();
        }

        @Override
        public void export(AuditQuery query, Consumer<AuditEntry> each) {}
      };

  void record(AuditEntry entry);

  /** One page of the entries that pass the query's filters, newest first. */
  List<AuditEntry> search(AuditQuery query);

  /** Every entry that passes the filters (paging ignored), newest first, one at a time. */
  void export(AuditQuery query, Consumer<AuditEntry> each);

  /** The newest entries first. */
  default List<AuditEntry> latest(int limit) {
    return search(AuditQuery.newest(limit));
  }
}
