package io.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where a room's send runs: on the calling thread when this member owns the room's partition, on
 * the owner through the executor otherwise (two real members in this JVM).
 */
class SequencerRoutingTest {

  private static HazelcastInstance here;
  private static HazelcastInstance other;
  private static HazelcastMessageSequencer sequencer;

  @BeforeAll
  static void start() {
    String cluster = "routing-test-" + UUID.randomUUID();
    here = Hazelcast.newHazelcastInstance(config(cluster));
    other = Hazelcast.newHazelcastInstance(config(cluster));
    sequencer = new HazelcastMessageSequencer();
    sequencer.hazelcast = here;
  }

  private static Config config(String cluster) {
    Config config = new Config().setClusterName(cluster);
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
    config.getNetworkConfig().setPort(5951).setPortAutoIncrement(true);
    return config;
  }

  @AfterAll
  static void stop() {
    other.shutdown();
    here.shutdown();
  }

  /** Says which member and thread ran it. */
  static final class WhereAmI implements Callable<String>, Serializable, HazelcastInstanceAware {
    private transient HazelcastInstance member;

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
      this.member = member;
    }

    @Override
    public String call() {
      return member.getCluster().getLocalMember().getUuid()
          + " "
          + Thread.currentThread().getName();
    }
  }

  /** A room key whose partition the given member owns. */
  private static String roomOwnedBy(HazelcastInstance member) {
    for (int i = 0; ; i++) {
      String room = "room-" + i;
      if (here.getPartitionService()
          .getPartition(room)
          .getOwner()
          .equals(member.getCluster().getLocalMember())) {
        return room;
      }
    }
  }

  @Test
  void aRoomOwnedHereRunsOnTheCallersThreadWithoutTheExecutor() {
    long before =
        here.getExecutorService(HazelcastMessageSequencer.EXECUTOR)
            .getLocalExecutorStats()
            .getStartedTaskCount();
    String ran = sequencer.onOwner(new WhereAmI(), roomOwnedBy(here));
    assertEquals(
        here.getCluster().getLocalMember().getUuid() + " " + Thread.currentThread().getName(), ran);
    assertEquals(
        before,
        here.getExecutorService(HazelcastMessageSequencer.EXECUTOR)
            .getLocalExecutorStats()
            .getStartedTaskCount());
  }

  @Test
  void aRoomOwnedElsewhereRunsOnItsOwner() {
    String ran = sequencer.onOwner(new WhereAmI(), roomOwnedBy(other));
    assertEquals(other.getCluster().getLocalMember().getUuid().toString(), ran.split(" ")[0]);
    assertNotEquals(Thread.currentThread().getName(), ran.substring(ran.indexOf(' ') + 1));
  }

  @Test
  void aFailureHereReachesTheCallerAsItself() {
    FailingTask failing = new FailingTask();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> sequencer.onOwner(failing, roomOwnedBy(here)));
    assertEquals("refused", e.getMessage());
  }

  static final class FailingTask implements Callable<String>, Serializable, HazelcastInstanceAware {
    @Override
    public void setHazelcastInstance(HazelcastInstance member) {}

    @Override
    public String call() {
      throw new IllegalArgumentException("refused");
    }
  }
}
