package io.parley.app;

import com.hazelcast.core.HazelcastInstance;
import io.parley.common.ExclusiveJobs;
import io.parley.mongo.MongoConnection;
import io.parley.mongo.MongoConnectionLog;
import io.parley.presence.ConnectionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The record of every socket, in MongoDB under this node's cluster address, kept for {@code
 * parley.connections.retention-days} (one node a day removes older ones).
 */
@ApplicationScoped
public class ConnectionRecords {

  private static final Logger LOG = Logger.getLogger(ConnectionRecords.class.getName());

  @Inject ExclusiveJobs jobs;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "parley.connections.retention-days", defaultValue = "30")
  int retentionDays;

  private ScheduledExecutorService scheduler;

  @Produces
  @Singleton
  ConnectionLog log(MongoConnection mongo, HazelcastInstance hazelcast) {
    String node = hazelcast.getCluster().getLocalMember().getAddress().toString();
    return new MongoConnectionLog(mongo.database(), node);
  }

  void close(@Disposes ConnectionLog log) {
    if (log instanceof MongoConnectionLog mongoLog) {
      mongoLog.close();
    }
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object started, ConnectionLog log) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "parley-connection-records");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(() -> removeOld(log), 5, 60, TimeUnit.MINUTES);
  }

  private void removeOld(ConnectionLog log) {
    try {
      jobs.runIfDue(
          "connection-records",
          Duration.ofDays(1),
          () -> {
            long removed =
                log.removeOpenedBefore(clock.instant().minus(Duration.ofDays(retentionDays)));
            LOG.info(
                () ->
                    "Removed "
                        + removed
                        + " connection records older than "
                        + retentionDays
                        + " days");
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "removing old connection records failed; tried again in an hour", e);
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
