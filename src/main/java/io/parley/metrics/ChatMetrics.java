package io.parley.metrics;

import io.parley.common.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The message path's counters and timers. Metric objects are looked up once and kept, so counting
 * costs a field read and an add on the hot path. Timers publish Prometheus histogram buckets
 * (microprofile-config.properties: {@code mp.metrics.distribution.timer.buckets}), so latencies can
 * be aggregated across nodes.
 */
@ApplicationScoped
public class ChatMetrics {

  /** Where a message came in. */
  public enum Via {
    SOCKET,
    API,
    FORM,
    HOOK
  }

  /** Where something failed unexpectedly (a 500, a frame that could not be handled). */
  public enum Failure {
    API,
    PAGE,
    SOCKET
  }

  /** Why a message was refused. */
  public enum Refusal {
    AUTH,
    RATE_LIMIT,
    VALIDATION,
    MODERATION
  }

  @Inject MetricRegistry registry;
  @Inject Tracing tracing;

  private final Map<Via, Counter> received = new ConcurrentHashMap<>();
  private final Map<Refusal, Counter> refused = new ConcurrentHashMap<>();
  private final Map<Failure, Counter> failures = new ConcurrentHashMap<>();
  private Counter delivered;
  private Counter rewound;
  private Timer delivery;
  private Timer history;
  private Timer catchUp;
  private Timer search;

  @PostConstruct
  void register() {
    for (Via via : Via.values()) {
      received.put(via, registry.counter("parley.messages.received", tag("via", via)));
    }
    for (Refusal reason : Refusal.values()) {
      refused.put(reason, registry.counter("parley.messages.refused", tag("reason", reason)));
    }
    for (Failure where : Failure.values()) {
      failures.put(where, registry.counter("parley.errors", tag("where", where)));
    }
    delivered = registry.counter("parley.messages.delivered");
    rewound = registry.counter("parley.history.rewound");
    delivery = registry.timer("parley.delivery.duration");
    history = registry.timer("parley.history.duration");
    catchUp = registry.timer("parley.catchup.duration");
    search = registry.timer("parley.search.duration");
  }

  private static Tag tag(String name, Enum<?> value) {
    return new Tag(name, value.name().toLowerCase(Locale.ROOT));
  }

  /**
   * Posts a message that came in {@code via} for {@code roomId}: counts it as received and, if so,
   * refused, and traces it (span {@code parley.send}, continued on the room's owner and on every
   * node that delivers it).
   */
  public <T> T posting(Via via, String roomId, Supplier<T> post) {
    received.get(via).inc();
    return tracing.inSpan(
        "parley.send",
        null,
        Map.of(
            "parley.room",
            String.valueOf(roomId),
            "parley.via",
            via.name().toLowerCase(Locale.ROOT)),
        () -> {
          try {
            return post.get();
          } catch (DomainException e) {
            refused.get(reasonOf(e)).inc();
            throw e;
          }
        });
  }

  /** Hands a new message to this node's sockets inside span {@code parley.deliver}. */
  public void delivering(String roomId, long seq, Runnable deliver) {
    tracing.inSpan(
        "parley.deliver",
        null,
        Map.of("parley.room", roomId, "parley.seq", Long.toString(seq)),
        () -> {
          deliver.run();
          return null;
        });
  }

  /** The reason a refusal counts under. */
  public static Refusal reasonOf(DomainException e) {
    if (e.moderation()) {
      return Refusal.MODERATION;
    }
    return switch (e.kind()) {
      case RATE_LIMITED -> Refusal.RATE_LIMIT;
      case FORBIDDEN, NOT_FOUND -> Refusal.AUTH;
      default -> Refusal.VALIDATION;
    };
  }

  /**
   * This node handed a message stored at {@code storedAt} to {@code sockets} open sockets: counts
   * the deliveries and times stored → handed over (node clocks are assumed in step, as NTP keeps
   * them).
   */
  public void delivered(Instant storedAt, int sockets) {
    if (sockets > 0) {
      delivered.inc(sockets);
      delivery.update(Duration.between(storedAt, Instant.now()));
    }
  }

  /** Something failed unexpectedly: the error-rate alert counts these. */
  public void failed(Failure where) {
    failures.get(where).inc();
  }

  /**
   * A page resumed after a message its room no longer has (the store went back): told to reload.
   */
  public void historyRewound() {
    rewound.inc();
  }

  /** Reads a page of history, timed. */
  public <T> T history(Supplier<T> read) {
    return timed(history, read);
  }

  /** A socket starts watching a room and catches up on it, timed. */
  public void catchUp(Runnable watch) {
    timed(
        catchUp,
        () -> {
          watch.run();
          return null;
        });
  }

  /** Runs a search, timed. */
  public <T> T search(Supplier<T> search) {
    return timed(this.search, search);
  }

  private static <T> T timed(Timer timer, Supplier<T> work) {
    try (Timer.Context timing = timer.time()) {
      return work.get();
    }
  }
}
