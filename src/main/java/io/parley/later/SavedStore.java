package io.parley.later;

import java.util.List;

/** Saved messages, one entry per person and message. */
public interface SavedStore {

  /** Saves it; saving the same message again keeps the first entry. */
  void save(SavedMessage saved);

  /** Whether there was one to remove. */
  boolean remove(String userId, String roomId, long seq);

  /** The person's saved messages, newest saved first, at most {@code limit}. */
  List<SavedMessage> of(String userId, int limit);

  boolean has(String userId, String roomId, long seq);

  int count(String userId);
}
