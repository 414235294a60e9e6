package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.parley.app.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Rate limits shared by the whole cluster: Bucket4j token buckets kept in a Hazelcast map (one
 * entry per key, updated by an entry processor on its owner, expiring once full again), so a client
 * cannot get around a limit by landing on another node.
 */
@ApplicationScoped
public class HazelcastRateLimits {

  static final int SERIALIZER_TYPE_ID_BASE = 1000;

  /** What is limited, and per what. */
  public enum Kind {
    /** messages per user per room */
    MESSAGES,
    /** WebSocket handshakes per client IP */
    HANDSHAKES,
    /** API calls per token */
    API
  }

  /** The answer to one attempt: allowed, or refused with the time until it would be. */
  public record Verdict(boolean allowed, Duration retryAfter) {
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  @Inject HazelcastInstance hazelcast;
  @Inject Settings settings;
  @Inject MetricRegistry metrics;

  private ProxyManager<String> buckets;
  private final Map<Kind, BucketConfiguration> configurations = new EnumMap<>(Kind.class);

  @PostConstruct
  void init() {
    buckets =
        Bucket4jHazelcast.entryProcessorBasedBuilder(
                hazelcast.<String, byte[]>getMap("parley.rate-limits"))
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
    configurations.put(Kind.MESSAGES, bucket(settings.messageLimit()));
    configurations.put(Kind.HANDSHAKES, bucket(settings.handshakeLimit()));
    configurations.put(Kind.API, bucket(settings.apiLimit()));
  }

  /** Takes one token from the bucket of {@code key}; refusals are counted in metrics. */
  public Verdict tryAcquire(Kind kind, String key) {
    ConsumptionProbe probe =
        buckets
            .builder()
            .build(kind.name() + ":" + key, () -> configurations.get(kind))
            .tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return new Verdict(true, Duration.ZERO);
    }
    metrics.counter("parley.rate_limited", new Tag("kind", kind.name().toLowerCase())).inc();
    return new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private static BucketConfiguration bucket(Settings.Limit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            l ->
                l.capacity(limit.burst())
                    .refillGreedy(Math.max(1, limit.perMinute()), Duration.ofMinutes(1)))
        .build();
  }
}
