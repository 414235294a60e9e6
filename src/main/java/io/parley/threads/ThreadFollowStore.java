package io.parley.threads;

import java.util.List;

/** Who follows which thread. */
public interface ThreadFollowStore {

  /** Adds or refreshes the follow with its latest activity. */
  void save(ThreadFollow follow);

  /** The person's threads, newest activity first, at most {@code limit}. */
  List<ThreadFollow> of(String userId, int limit);
}
