package io.parley.app;

import io.parley.common.ExclusiveJobs;
import io.parley.common.Ids;
import io.parley.later.LaterEvents;
import io.parley.later.LaterNotice;
import io.parley.later.Reminders;
import io.parley.later.SavedMessages;
import io.parley.later.ScheduledMessages;
import io.parley.messaging.MessageService;
import io.parley.mongo.MongoConnection;
import io.parley.mongo.MongoReminderStore;
import io.parley.mongo.MongoSavedStore;
import io.parley.mongo.MongoScheduledStore;
import io.parley.rooms.RoomService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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
 * Saved messages, reminders and send later. Every node looks for due work every few seconds; the
 * cluster lets one node at a time do it, and the stores make each reminder fire once and each
 * scheduled message be stored once even when a node dies mid-run.
 */
@ApplicationScoped
public class LaterWiring {

  private static final Logger LOG = Logger.getLogger(LaterWiring.class.getName());

  @Inject ExclusiveJobs jobs;

  @Inject
  @ConfigProperty(name = "parley.later.check-seconds", defaultValue = "5")
  int checkSeconds;

  private ScheduledExecutorService scheduler;

  @Produces
  @Singleton
  SavedMessages saved(MongoConnection mongo, MessageService messages, Clock clock) {
    return new SavedMessages(new MongoSavedStore(mongo.database()), messages, clock);
  }

  @Produces
  @Singleton
  io.parley.users.ThemeStore themes(MongoConnection mongo) {
    return new io.parley.mongo.MongoThemeStore(mongo.database());
  }

  @Produces
  @Singleton
  io.parley.later.Drafts drafts(MongoConnection mongo, RoomService rooms, Clock clock) {
    return new io.parley.later.Drafts(
        new io.parley.mongo.MongoDraftStore(mongo.database()), rooms, clock);
  }

  @Produces
  @Singleton
  Reminders reminders(
      MongoConnection mongo, MessageService messages, Clock clock, LaterEvents events) {
    Reminders reminders =
        new Reminders(new MongoReminderStore(mongo.database()), messages, clock, Ids::newId);
    reminders.onFired(events::publish);
    return reminders;
  }

  @Produces
  @Singleton
  ScheduledMessages scheduled(
      MongoConnection mongo,
      MessageService messages,
      RoomService rooms,
      Clock clock,
      LaterEvents events) {
    ScheduledMessages scheduled =
        new ScheduledMessages(
            new MongoScheduledStore(mongo.database()), messages, rooms, clock, Ids::newId);
    scheduled.onDone(
        outcome -> {
          if (outcome.failure() != null) {
            var m = outcome.message();
            events.publish(
                new LaterNotice(
                    LaterNotice.Kind.NOT_SENT, m.userId(), m.roomId(), 0, outcome.failure()));
          }
        });
    return scheduled;
  }

  void start(
      @Observes @Initialized(ApplicationScoped.class) Object started,
      Reminders reminders,
      ScheduledMessages scheduled) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "parley-later");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, checkSeconds);
    scheduler.scheduleWithFixedDelay(
        () -> runDue(reminders, scheduled), every, every, TimeUnit.SECONDS);
  }

  private void runDue(Reminders reminders, ScheduledMessages scheduled) {
    try {
      jobs.runIfDue(
          "later",
          Duration.ofMillis(Math.max(500, checkSeconds * 1000L - 500)),
          () -> {
            scheduled.sendDue();
            reminders.fireDue();
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "reminders and scheduled messages: the next check tries again", e);
    }
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
