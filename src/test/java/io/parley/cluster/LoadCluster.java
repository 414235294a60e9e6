package io.parley.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts Parley as a cluster for the load generator: one MongoDB-wire store, N nodes and nginx in
 * front, with limits wide enough for thousands of clients from one address. Runs until stopped
 * (Ctrl-C): {@code ops/load/cluster.sh [nodes]}, then {@code ops/load/run.sh --url
 * http://localhost:9300 ...}.
 */
public final class LoadCluster {

  static final int PROXY_PORT = 9300;

  private LoadCluster() {}

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Path war = Path.of("target/parley.war");
    Path template = Path.of(System.getProperty("parley.wlp.dir"), "usr/servers/parley/apps");
    Files.createDirectories(template);
    Files.copy(war, template.resolve("parley.war"), StandardCopyOption.REPLACE_EXISTING);

    ClusterHarness cluster =
        new ClusterHarness(nodes, PROXY_PORT, "load-cluster")
            .withDefaultLimits()
            .withEnv(
                Map.of(
                    "PARLEY_LIMITS_HANDSHAKES_BURST", "100000",
                    "PARLEY_LIMITS_HANDSHAKES_PER_MINUTE", "1000000",
                    "PARLEY_LIMITS_API_BURST", "100000",
                    "PARLEY_LIMITS_API_PER_MINUTE", "1000000",
                    "PARLEY_LIMITS_SOCKETS_PER_USER", "1000",
                    "PARLEY_LIMITS_MESSAGES_BURST", "1000",
                    "PARLEY_LIMITS_MESSAGES_PER_MINUTE", "60000"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    cluster.close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                  stopped.countDown();
                }));
    cluster.startStore();
    for (int n = 1; n <= nodes; n++) {
      cluster.startNode(n);
    }
    for (int n = 1; n <= nodes; n++) {
      cluster.awaitReady(n, nodes, Duration.ofMinutes(4));
    }
    cluster.startProxy();
    System.out.println(
        nodes
            + " nodes ready behind nginx at http://localhost:"
            + PROXY_PORT
            + " (store "
            + cluster.storeUri()
            + ", logs in "
            + cluster.work()
            + "); Ctrl-C stops them");
    stopped.await();
  }
}
