package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The cluster as operators watch it: members seen by this node, partition migrations (a node came
 * or went), and the presence map's open tabs.
 */
@ApplicationScoped
public class ClusterMetrics {

  @Inject HazelcastInstance hazelcast;
  @Inject MetricRegistry metrics;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    metrics.gauge("parley.cluster.members", hazelcast, h -> h.getCluster().getMembers().size());
    metrics.gauge("parley.presence.tabs", hazelcast, h -> h.getMap(HazelcastPresence.TABS).size());
    Counter migrated = metrics.counter("parley.cluster.migrations");
    Counter failed = metrics.counter("parley.cluster.migrations.failed");
    hazelcast
        .getPartitionService()
        .addMigrationListener(
            new MigrationListener() {
              @Override
              public void migrationStarted(MigrationState state) {}

              @Override
              public void migrationFinished(MigrationState state) {}

              @Override
              public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
                migrated.inc();
              }

              @Override
              public void replicaMigrationFailed(ReplicaMigrationEvent event) {
                failed.inc();
              }
            });
  }
}
