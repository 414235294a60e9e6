package io.parley.app;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.parley.common.NodeReport;
import io.parley.mongo.MongoConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Every {@link #EVERY_SECONDS} s, this node puts its {@link NodeReport} in a cluster map whose
 * entries expire after three missed reports; the admin console reads every node's from there.
 */
@ApplicationScoped
public class NodeReporter implements NodeReport.Directory {

  private static final Logger LOG = Logger.getLogger(NodeReporter.class.getName());
  static final String NODES = "parley.nodes";
  static final int EVERY_SECONDS = 5;

  @Inject HazelcastInstance hazelcast;
  @Inject MongoConnection mongo;
  @Inject MetricRegistry metrics;
  @Inject Clock clock;

  private ScheduledExecutorService timer;
  private long lastStored = -1;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "parley-node-report");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::report, 1, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  @Override
  public List<NodeReport> all() {
    List<NodeReport> reports = new ArrayList<>(nodes().values());
    reports.sort(Comparator.comparing(NodeReport::node));
    return reports;
  }

  void report() {
    try {
      String node = hazelcast.getCluster().getLocalMember().getAddress().toString();
      nodes().set(node, measure(node), EVERY_SECONDS * 3L, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "no node report this time", e);
    }
  }

  private NodeReport measure(String node) {
    Gauge<?> sockets = metrics.getGauge(new MetricID("parley.sockets.open"));
    Counter stored = metrics.getCounter(new MetricID("parley.messages.stored"));
    long count = stored == null ? 0 : stored.getCount();
    double perSecond =
        lastStored < 0 ? 0 : Math.max(0, count - lastStored) / (double) EVERY_SECONDS;
    lastStored = count;
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return new NodeReport(
        node,
        sockets == null ? 0 : ((Number) sockets.getValue()).intValue(),
        perSecond,
        p99Millis(metrics.getTimer(new MetricID("parley.send.duration"))),
        heap.getUsed() >> 20,
        heap.getMax() >> 20,
        storeUp(),
        hazelcast.getPartitionService().isClusterSafe(),
        hazelcast.getCluster().getMembers().size(),
        clock.instant());
  }

  private static double p99Millis(Timer timer) {
    if (timer == null) {
      return 0;
    }
    for (Snapshot.PercentileValue p : timer.getSnapshot().percentileValues()) {
      if (Math.abs(p.getPercentile() - 0.99) < 1e-9) {
        return p.getValue() / 1_000_000.0; // nanoseconds
      }
    }
    return 0;
  }

  private boolean storeUp() {
    try {
      mongo.database().runCommand(new Document("ping", 1));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private IMap<String, NodeReport> nodes() {
    return hazelcast.getMap(NODES);
  }
}
