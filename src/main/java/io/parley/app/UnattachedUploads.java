package io.parley.app;

import io.parley.common.ExclusiveJobs;
import io.parley.files.FileService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes uploads that no message took within {@code parley.files.unattached-hours}: one node in
 * the cluster looks every ten minutes.
 */
@ApplicationScoped
public class UnattachedUploads {

  private static final Logger LOG = Logger.getLogger(UnattachedUploads.class.getName());

  @Inject ExclusiveJobs jobs;
  @Inject FileService files;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "parley.files.unattached-hours", defaultValue = "24")
  long graceHours;

  private ScheduledExecutorService scheduler;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "parley-unattached-uploads");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::sweep, 2, 10, TimeUnit.MINUTES);
  }

  private void sweep() {
    try {
      jobs.runIfDue(
          "unattached-uploads",
          Duration.ofMinutes(10),
          () -> {
            int removed = files.expireUnattached(clock.instant(), Duration.ofHours(graceHours));
            if (removed > 0) {
              LOG.info(
                  () -> "Deleted " + removed + " uploads no message took in " + graceHours + " h");
            }
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "deleting unattached uploads failed; tried again in ten minutes", e);
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
