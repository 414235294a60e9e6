package io.parley.later;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Scheduled messages, stored until sent. */
public interface ScheduledStore {

  /** Stores it, replacing the one with its id. */
  void save(ScheduledMessage message);

  Optional<ScheduledMessage> find(String id);

  /** The person's scheduled messages, soonest first. */
  List<ScheduledMessage> of(String userId);

  /** Waiting (not failed) messages whose time has come, soonest first, at most {@code limit}. */
  List<ScheduledMessage> due(Instant now, int limit);

  void delete(String id);
}
