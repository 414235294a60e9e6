package io.parley.app;

import io.parley.away.AwayEmails;
import io.parley.away.AwayPushes;
import io.parley.away.MissedItem;
import io.parley.common.ExclusiveJobs;
import io.parley.common.Ids;
import io.parley.integrations.UrlPolicy;
import io.parley.later.LaterNotice;
import io.parley.later.Reminders;
import io.parley.mail.MailSettings;
import io.parley.mail.SmtpDigestMail;
import io.parley.messaging.MessageService;
import io.parley.mongo.MongoAwaySettingsStore;
import io.parley.mongo.MongoConnection;
import io.parley.mongo.MongoMissedStore;
import io.parley.mongo.MongoPushSubscriptionStore;
import io.parley.mongo.MongoSecrets;
import io.parley.presence.PresenceDirectory;
import io.parley.push.VapidKeys;
import io.parley.push.WebPushSender;
import io.parley.receipts.ReceiptStore;
import io.parley.render.DigestViews;
import io.parley.render.MessageRefs;
import io.parley.rooms.RoomService;
import io.parley.users.UserService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Email for the away: each message this node stores is noted for its recipients on a thread of its
 * own (the sender's acknowledgement never waits for it), and every node asks every {@code
 * parley.away.check-seconds} whether digests are due, the cluster letting one run it.
 */
@ApplicationScoped
public class AwayWiring {

  private static final Logger LOG = Logger.getLogger(AwayWiring.class.getName());

  @Inject ExclusiveJobs jobs;

  @Inject
  @ConfigProperty(name = "parley.away.check-seconds", defaultValue = "60")
  int checkSeconds;

  /**
   * Pushes and email notes are made on two threads of their own (a push service may be slow); past
   * 10,000 waiting, new ones are dropped (logged).
   */
  private final ThreadPoolExecutor noting =
      new ThreadPoolExecutor(
          2,
          2,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(10_000),
          r -> {
            Thread t = new Thread(r, "parley-away");
            t.setDaemon(true);
            return t;
          },
          (r, pool) -> LOG.warning("too many messages waiting to be noted for email; one dropped"));

  private ScheduledThreadPoolExecutor scheduler;

  @Produces
  @Singleton
  MailSettings mailSettings(
      @ConfigProperty(name = "parley.mail.host") Optional<String> host,
      @ConfigProperty(name = "parley.mail.port", defaultValue = "587") int port,
      @ConfigProperty(name = "parley.mail.starttls", defaultValue = "true") boolean startTls,
      @ConfigProperty(name = "parley.mail.username") Optional<String> username,
      @ConfigProperty(name = "parley.mail.password") Optional<String> password,
      @ConfigProperty(name = "parley.mail.from", defaultValue = "Parley <parley@localhost>")
          String from,
      @ConfigProperty(name = "parley.public-url") String publicUrl) {
    return new MailSettings(
        host.orElse(null),
        port,
        startTls,
        username.orElse(null),
        password.orElse(null),
        from,
        publicUrl);
  }

  @Produces
  @Singleton
  AwayEmails awayEmails(
      MongoConnection mongo,
      MailSettings settings,
      DigestViews digests,
      RoomService rooms,
      ReceiptStore receipts,
      PresenceDirectory presence,
      UserService users,
      MessageService messages,
      MessageRefs refs,
      Reminders reminders,
      AwayPushes pushes,
      Clock clock,
      @ConfigProperty(name = "parley.away.email-after-seconds", defaultValue = "600") long wait) {
    AwayEmails away =
        new AwayEmails(
            new MongoMissedStore(mongo.database()),
            new MongoAwaySettingsStore(mongo.database()),
            new SmtpDigestMail(settings, digests::render),
            rooms,
            receipts,
            presence,
            users,
            (userId, missed) -> {
              var ref = refs.of(messages.message(userId, missed.roomId(), missed.seq()), userId);
              return Optional.of(
                  new MissedItem(
                      missed.kind(),
                      ref.room(),
                      ref.sender(),
                      ref.excerpt(),
                      ref.url(),
                      ref.atLabel()));
            },
            clock,
            Duration.ofSeconds(wait));
    away.pushingWith(pushes);
    messages.onPosted(m -> noting.execute(() -> note(() -> away.posted(m))));
    reminders.onFired(
        (LaterNotice n) ->
            noting.execute(() -> note(() -> away.reminded(n.userId(), n.roomId(), n.seq()))));
    return away;
  }

  /** The cluster's VAPID key pair, made once and kept in the store. */
  @Produces
  @Singleton
  VapidKeys vapid(
      MongoConnection mongo,
      @ConfigProperty(name = "parley.push.subject") Optional<String> subject,
      @ConfigProperty(name = "parley.public-url") String publicUrl) {
    return new VapidKeys(
        new MongoSecrets(mongo.database()).bytes("vapid", VapidKeys::newPair),
        subject.orElse(publicUrl.replaceAll("/+$", "")));
  }

  /** Web Push to devices; endpoints obey the same address rules as webhooks (public only). */
  @Produces
  @Singleton
  AwayPushes pushes(
      MongoConnection mongo,
      VapidKeys vapid,
      PresenceDirectory presence,
      Clock clock,
      @ConfigProperty(name = "parley.push.allowed-hosts") Optional<String> allowedHosts,
      @ConfigProperty(name = "parley.push.private-hosts") Optional<String> privateHosts) {
    UrlPolicy policy = new UrlPolicy(hosts(allowedHosts), hosts(privateHosts));
    return new AwayPushes(
        new MongoPushSubscriptionStore(mongo.database()),
        new WebPushSender(vapid, url -> policy.resolveAndCheck(url).toString(), clock),
        presence,
        clock,
        Ids::newId);
  }

  private static java.util.Set<String> hosts(Optional<String> list) {
    return java.util.Arrays.stream(list.orElse("").split(","))
        .map(String::strip)
        .filter(h -> !h.isEmpty())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  private static void note(Runnable noting) {
    try {
      noting.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not note a message for email", e);
    }
  }

  void start(
      @Observes @Initialized(ApplicationScoped.class) Object started,
      AwayEmails away,
      MetricRegistry metrics) {
    metrics.gauge("parley.email.sent", away::sent);
    metrics.gauge("parley.email.failures", away::failures);
    if (!away.mailConfigured()) {
      LOG.info("no SMTP server configured (parley.mail.host): no email is sent");
      return;
    }
    scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "parley-away-email");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, checkSeconds);
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            jobs.runIfDue(
                "away-email", Duration.ofMillis(Math.max(500, every * 1000 - 500)), away::sendDue);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "email digests: the next check tries again", e);
          }
        },
        every,
        every,
        TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    noting.shutdownNow();
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
