package io.parley.app;

import io.parley.audit.AuditLog;
import io.parley.common.Ids;
import io.parley.integrations.IncomingHooks;
import io.parley.integrations.OutgoingHooks;
import io.parley.integrations.UrlPolicy;
import io.parley.messaging.MessageService;
import io.parley.mongo.MongoConnection;
import io.parley.mongo.MongoHookStore;
import io.parley.mongo.MongoOutgoingHookStore;
import io.parley.rooms.RoomService;
import io.parley.users.UserService;
import io.parley.web.HttpHookTransport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhooks: incoming ones post through the send path; outgoing ones are told of every message this
 * node stores and call out from two threads of their own, reading the hooks again every 10 s (so
 * another node's change arrives within that).
 */
@ApplicationScoped
public class HookWiring {

  private static final Logger LOG = Logger.getLogger(HookWiring.class.getName());

  private final ScheduledExecutorService workers =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "parley-hooks");
            t.setDaemon(true);
            return t;
          });

  @Produces
  @Singleton
  IncomingHooks incomingHooks(
      MongoConnection mongo,
      RoomService rooms,
      MessageService messages,
      UserService users,
      AuditLog audit,
      Clock clock) {
    return new IncomingHooks(
        new MongoHookStore(mongo.database()), rooms, messages, users, audit, clock, Ids::newId);
  }

  /** Where webhooks and commands may call, how long a call may take, when to retry. */
  @Produces
  @Singleton
  OutgoingHooks.Calls calls(
      @ConfigProperty(name = "parley.hooks.allowed-hosts") Optional<String> allowedHosts,
      @ConfigProperty(name = "parley.hooks.private-hosts") Optional<String> privateHosts,
      @ConfigProperty(name = "parley.hooks.first-retry-ms", defaultValue = "1000") long firstRetry,
      @ConfigProperty(name = "parley.hooks.timeout-seconds", defaultValue = "5") long timeout) {
    return new OutgoingHooks.Calls(
        new HttpHookTransport(),
        new UrlPolicy(hosts(allowedHosts), hosts(privateHosts)),
        Duration.ofMillis(firstRetry),
        Duration.ofSeconds(timeout));
  }

  @Produces
  @Singleton
  io.parley.integrations.CustomCommands customCommands(
      MongoConnection mongo,
      RoomService rooms,
      UserService users,
      AuditLog audit,
      Clock clock,
      OutgoingHooks.Calls calls) {
    return new io.parley.integrations.CustomCommands(
        new io.parley.mongo.MongoCommandStore(mongo.database()),
        rooms,
        users,
        audit,
        clock,
        calls,
        workers);
  }

  @Produces
  @Singleton
  io.parley.integrations.SlashCommands slashCommands(
      RoomService rooms, UserService users, io.parley.integrations.CustomCommands custom) {
    return new io.parley.integrations.SlashCommands(rooms, users, custom);
  }

  @Produces
  @Singleton
  OutgoingHooks outgoingHooks(
      MongoConnection mongo,
      RoomService rooms,
      MessageService messages,
      UserService users,
      AuditLog audit,
      Clock clock,
      OutgoingHooks.Calls calls) {
    OutgoingHooks hooks =
        new OutgoingHooks(
            new MongoOutgoingHookStore(mongo.database()),
            rooms,
            messages,
            users,
            audit,
            clock,
            Ids::newId,
            calls,
            workers);
    messages.onPosted(hooks::onPosted);
    workers.scheduleWithFixedDelay(
        () -> {
          try {
            hooks.reload();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the outgoing webhooks", e);
          }
        },
        10,
        10,
        TimeUnit.SECONDS);
    return hooks;
  }

  /** Made at start, so the messages stored before anyone opens a webhooks page are called out. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object started, OutgoingHooks hooks) {
    LOG.fine(() -> "outgoing webhooks ready, " + hooks.queued() + " calls waiting");
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }

  private static Set<String> hosts(Optional<String> list) {
    return Arrays.stream(list.orElse("").split(","))
        .map(String::strip)
        .filter(h -> !h.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
