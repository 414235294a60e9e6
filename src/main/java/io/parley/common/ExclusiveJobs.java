package io.parley.common;

import java.time.Duration;

/** Jobs that one node of the cluster runs at a time, at most once per period. */
public interface ExclusiveJobs {

  /**
   * Runs {@code task} here if no node is running the job and its last run is at least {@code every}
   * ago; returns whether it ran.
   */
  boolean runIfDue(String job, Duration every, Runnable task);
}
