package io.parley.common;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What one server of the cluster says about itself every few seconds, for the admin console's live
 * overview: its open sockets, messages stored per second, the send→stored p99 (from the metrics it
 * keeps anyway), its heap, and whether it reaches the store and sees a safe cluster.
 */
public record NodeReport(
    String node,
    int sockets,
    double messagesPerSecond,
    double sendP99Millis,
    long heapUsedMb,
    long heapMaxMb,
    boolean storeUp,
    boolean clusterSafe,
    int clusterSize,
    Instant at)
    implements Serializable {

  /** Every node's latest report (the cluster forgets a node that stopped reporting). */
  public interface Directory {
    List<NodeReport> all();
  }
}
