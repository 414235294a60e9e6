package io.parley.cluster;

import io.parley.common.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How this node finds its cluster, and the cluster-wide rate limits it enforces. */
@ApplicationScoped
public class ClusterSettings {

  @Inject
  @ConfigProperty(name = "parley.hazelcast.cluster-name")
  String clusterName;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.interface")
  String networkInterface;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.port")
  int port;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.members")
  String members;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.kubernetes.service-dns")
  Optional<String> kubernetesServiceDns;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.max-no-heartbeat-seconds")
  int maxNoHeartbeatSeconds;

  @Inject
  @ConfigProperty(name = "parley.limits.messages.burst")
  int messageBurst;

  @Inject
  @ConfigProperty(name = "parley.limits.messages.per-minute")
  int messagesPerMinute;

  @Inject
  @ConfigProperty(name = "parley.limits.handshakes.burst")
  int handshakeBurst;

  @Inject
  @ConfigProperty(name = "parley.limits.handshakes.per-minute")
  int handshakesPerMinute;

  @Inject
  @ConfigProperty(name = "parley.limits.api.burst")
  int apiBurst;

  @Inject
  @ConfigProperty(name = "parley.limits.api.per-minute")
  int apiPerMinute;

  public String clusterName() {
    return clusterName;
  }

  public String networkInterface() {
    return networkInterface;
  }

  public int port() {
    return port;
  }

  public List<String> members() {
    return List.copyOf(Text.splitList(members));
  }

  public Optional<String> kubernetesServiceDns() {
    return kubernetesServiceDns.filter(s -> !s.isBlank());
  }

  public int maxNoHeartbeatSeconds() {
    return maxNoHeartbeatSeconds;
  }

  /** A token bucket: {@code burst} at once, refilled at {@code perMinute}. */
  record Limit(int burst, int perMinute) {}

  Limit messageLimit() {
    return new Limit(messageBurst, messagesPerMinute);
  }

  Limit handshakeLimit() {
    return new Limit(handshakeBurst, handshakesPerMinute);
  }

  Limit apiLimit() {
    return new Limit(apiBurst, apiPerMinute);
  }
}
