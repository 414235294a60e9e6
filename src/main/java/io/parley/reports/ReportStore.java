package io.parley.reports;

import java.util.List;
import java.util.Optional;

/** Where reports are kept. */
public interface ReportStore {

  /** Stores a new report; false (nothing stored) when this person reported the message before. */
  boolean add(Report report);

  Optional<Report> find(String id);

  /** Every open report, oldest first. */
  List<Report> open();

  /** The person's own reports, newest first. */
  List<Report> byReporter(String reporterId, int limit);

  /** Records how an open report was handled. */
  void update(Report report);

  /** Whether someone's report of this message is still open. */
  default boolean isOpen(String roomId, long seq) {
    return open().stream().anyMatch(r -> r.roomId().equals(roomId) && r.seq() == seq);
  }
}
