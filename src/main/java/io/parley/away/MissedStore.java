package io.parley.away;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** What people may have missed, until it is emailed or found read. */
public interface MissedStore {

  /** Adds it; the same person, room and seq twice is kept once. */
  void add(Missed missed);

  /** People with something missed at or before {@code before}, at most {@code limit}. */
  List<String> peopleWithMissedBefore(Instant before, int limit);

  /** The person's entries, oldest first. */
  List<Missed> of(String userId);

  void remove(Collection<Missed> entries);
}
