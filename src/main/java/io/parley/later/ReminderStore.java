package io.parley.later;

import java.time.Instant;
import java.util.List;

/** Reminders, stored so that they survive restarts and the node that set them. */
public interface ReminderStore {

  void save(Reminder reminder);

  /** The person's reminders, soonest first. */
  List<Reminder> of(String userId);

  /** Reminders not yet fired whose time has come, soonest first, at most {@code limit}. */
  List<Reminder> due(Instant now, int limit);

  /**
   * Marks it fired at {@code at} unless it already was, as one step in the store: true for the one
   * caller in the cluster that fires it.
   */
  boolean markFired(String id, Instant at);

  /** Deletes the person's reminder; whether there was one. */
  boolean delete(String userId, String id);

  /** Deletes reminders that fired before {@code before}. */
  void deleteFiredBefore(Instant before);
}
