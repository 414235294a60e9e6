package io.parley.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.parley.app.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Starts this node's embedded Hazelcast member: TCP-IP join, no multicast, no phone-home. */
@ApplicationScoped
public class HazelcastMember {

  /** Where a member finds node-local objects (the room sequencer) that tasks run against. */
  static final String ROOM_SEQUENCER = "parley.roomSequencer";

  @Inject Settings settings;

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
    network.setPort(settings.hazelcastPort()).setPortAutoIncrement(true).setPortCount(3);
    network.getInterfaces().setEnabled(true).addInterface(settings.hazelcastInterface());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.hazelcastMembers());
    return Hazelcast.newHazelcastInstance(config);
  }

  void stop(@Disposes HazelcastInstance hazelcast) {
    hazelcast.shutdown();
  }
}
