package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.parley.common.RateLimits;
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
public class HazelcastRateLimits implements RateLimits {

  static final int SERIALIZER_TYPE_ID_BASE = 1000;

  @Inject HazelcastInstance hazelcast;
  @Inject ClusterSettings settings;
  @Inject MetricRegistry metrics;

  private ProxyManager<String> buckets;
  private final Map<Kind, BucketConfiguration> configurations = new EnumMap<>(Kind.class);

  /** Registered at start, so the series exist (at 0) before the first refusal. */
  private final Map<Kind, org.eclipse.microprofile.metrics.Counter> refused =
      new EnumMap<>(Kind.class);

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
    for (Kind kind : Kind.values()) {
      refused.put(
          kind, metrics.counter("parley.rate_limited", new Tag("kind", kind.name().toLowerCase())));
    }
  }

  /** Refusals are counted in metrics. */
  @Override
  public Verdict tryAcquire(Kind kind, String key) {
    ConsumptionProbe probe =
        buckets
            .builder()
            .build(kind.name() + ":" + key, () -> configurations.get(kind))
            .tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return new Verdict(true, Duration.ZERO);
    }
    refused.get(kind).inc();
    return new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private static BucketConfiguration bucket(ClusterSettings.Limit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            l ->
                l.capacity(limit.burst())
                    .refillGreedy(Math.max(1, limit.perMinute()), Duration.ofMinutes(1)))
        .build();
  }
}
