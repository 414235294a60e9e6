package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.parley.common.ExclusiveJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One node at a time: the job's entry in a cluster map is locked while it runs (the lock is leased,
 * so a node that dies mid-run frees it), and the entry keeps when it last finished, so the other
 * nodes do not run it again before its period is over.
 */
@ApplicationScoped
public class HazelcastJobs implements ExclusiveJobs {

  static final String JOBS = "parley.jobs";
  private static final long LEASE_MINUTES = 60;

  @Inject HazelcastInstance hazelcast;
  @Inject Clock clock;

  @Override
  public boolean runIfDue(String job, Duration every, Runnable task) {
    IMap<String, Long> jobs = hazelcast.getMap(JOBS);
    boolean locked;
    try {
      locked = jobs.tryLock(job, 0, TimeUnit.SECONDS, LEASE_MINUTES, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (!locked) {
      return false;
    }
    try {
      Long last = jobs.get(job);
      if (last != null && clock.millis() - last < every.toMillis()) {
        return false;
      }
      task.run();
      jobs.put(job, clock.millis());
      return true;
    } finally {
      jobs.unlock(job);
    }
  }
}
