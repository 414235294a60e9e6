package io.parley.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Starts this node's embedded Hazelcast member: TCP-IP join, no multicast, no phone-home. */
@ApplicationScoped
public class HazelcastMember {

  /** Where a member finds node-local objects (the room sequencer) that tasks run against. */
  static final String ROOM_SEQUENCER = "parley.roomSequencer";

  static final String TRACING = "parley.tracing";

  @Inject ClusterSettings settings;

  @Produces
  @ApplicationScoped
  HazelcastInstance start() {
    Config config = new Config();
    config.setClusterName(settings.clusterName());
    config.setClassLoader(HazelcastMember.class.getClassLoader());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(3);
    network.getInterfaces().setEnabled(true).addInterface(settings.networkInterface());
    // A member that stops answering is dropped within seconds, so its rooms get a new
    // sequencer quickly (a killed process closes its sockets and is noticed sooner still).
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty(
        "hazelcast.max.no.heartbeat.seconds", String.valueOf(settings.maxNoHeartbeatSeconds()));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (settings.kubernetesServiceDns().isPresent()) {
      join.getKubernetesConfig()
          .setEnabled(true)
          .setProperty("service-dns", settings.kubernetesServiceDns().get());
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
    }
    // Presence is looked up by user (a tab count on every connect, a person's state on every
    // change) and by node (cleanup after a node leaves): indexes, not scans of every tab.
    config
        .getMapConfig(HazelcastPresence.TABS)
        .addIndexConfig(new IndexConfig(IndexType.HASH, "userId"))
        .addIndexConfig(new IndexConfig(IndexType.HASH, "node"));
    config
        .getReliableTopicConfig(ClusterEvents.MESSAGES)
        .setTopicOverloadPolicy(com.hazelcast.topic.TopicOverloadPolicy.DISCARD_OLDEST);
    config.getRingbufferConfig(ClusterEvents.MESSAGES).setCapacity(100_000).setBackupCount(1);
    // Bucket4j's entry processors travel between members with its own serializers.
    io.github.bucket4j.grid.hazelcast.HazelcastProxyManager.addCustomSerializers(
        config.getSerializationConfig(), HazelcastRateLimits.SERIALIZER_TYPE_ID_BASE);
    return Hazelcast.newHazelcastInstance(config);
  }

  void stop(@Disposes HazelcastInstance hazelcast) {
    hazelcast.shutdown();
  }
}
