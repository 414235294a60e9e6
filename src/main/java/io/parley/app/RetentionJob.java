package io.parley.app;

import io.parley.common.Broadcast;
import io.parley.common.ExclusiveJobs;
import io.parley.messaging.MessageHistory;
import io.parley.retention.Purges;
import io.parley.retention.RetentionService;
import io.parley.search.SearchIndexer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retention: the service, the scheduled run (every node asks every few minutes; the cluster lets
 * one run it once per period), and every node dropping purged messages from its index and caches.
 */
@ApplicationScoped
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

  @Inject RetentionService retention;
  @Inject ExclusiveJobs jobs;
  @Inject Purges purges;
  @Inject SearchIndexer indexer;
  @Inject MessageHistory store;

  @Inject
  @ConfigProperty(name = "parley.retention.every-minutes", defaultValue = "60")
  int everyMinutes;

  private ScheduledExecutorService scheduler;
  private Broadcast.Subscription subscription = Broadcast.Subscription.NONE;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    subscription =
        purges.subscribe(
            purge -> {
              store.purged(purge.roomId());
              indexer.forget(purge.roomId(), purge.seqs());
            });
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "parley-retention");
              t.setDaemon(true);
              return t;
            });
    long check = Math.max(1, Math.min(everyMinutes, 5));
    scheduler.scheduleWithFixedDelay(this::runIfDue, check, check, TimeUnit.MINUTES);
  }

  private void runIfDue() {
    try {
      jobs.runIfDue("retention", Duration.ofMinutes(everyMinutes), retention::run);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "retention run failed; the next check tries again", e);
    }
  }

  @PreDestroy
  void stop() {
    subscription.close();
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
