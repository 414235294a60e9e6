package io.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.parley.presence.PresenceState;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presence on a real (single, unjoined) Hazelcast member: the cluster hears of a person only when
 * their combined state changes, and the socket limit holds under simultaneous admissions.
 */
class HazelcastPresenceTest {

  private static HazelcastInstance hazelcast;
  private static HazelcastPresence presence;
  private static final List<String> told = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    Config config = new Config().setClusterName("presence-test-" + UUID.randomUUID());
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
    config.getNetworkConfig().setPort(5901).setPortAutoIncrement(true);
    hazelcast = Hazelcast.newHazelcastInstance(config);
    presence = new HazelcastPresence();
    presence.hazelcast = hazelcast;
    hazelcast
        .<String>getTopic("parley.presence.changes")
        .addMessageListener(m -> told.add(m.getMessageObject()));
  }

  @AfterAll
  static void stop() {
    hazelcast.shutdown();
  }

  private static List<String> toldAbout(String user) throws InterruptedException {
    Thread.sleep(300); // topic delivery is asynchronous
    return told.stream().filter(user::equals).toList();
  }

  @Test
  void onlyChangesOfThePersonsCombinedStateAreTold() throws Exception {
    String ada = "ada-" + UUID.randomUUID();
    assertTrue(presence.admit("t1", ada, PresenceState.ONLINE, 20));
    assertEquals(1, toldAbout(ada).size(), "offline to online");
    assertTrue(presence.admit("t2", ada, PresenceState.ONLINE, 20));
    presence.report("t1", ada, PresenceState.ONLINE); // heartbeat
    presence.report("t2", ada, PresenceState.AWAY); // the other tab is still online
    assertEquals(1, toldAbout(ada).size(), "a second tab, a beat, one tab away: nothing");
    assertEquals(PresenceState.ONLINE, presence.stateOf(ada));

    presence.report("t1", ada, PresenceState.AWAY);
    assertEquals(2, toldAbout(ada).size(), "all tabs away");
    assertEquals(PresenceState.AWAY, presence.stateOf(ada));
    presence.closed("t2", ada);
    assertEquals(2, toldAbout(ada).size(), "one away tab closed, one away tab left");
    assertFalse(presence.lastSeen(ada).isPresent(), "not offline yet");
    presence.closed("t1", ada);
    assertEquals(3, toldAbout(ada).size(), "the last tab closed");
    assertEquals(PresenceState.OFFLINE, presence.stateOf(ada));
    assertTrue(presence.lastSeen(ada).isPresent());
  }

  @Test
  void simultaneousAdmissionsNeverExceedTheLimit() throws Exception {
    String bob = "bob-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(25);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger admitted = new AtomicInteger();
    for (int i = 0; i < 25; i++) {
      String tab = "tab-" + i;
      pool.execute(
          () -> {
            try {
              go.await();
              if (presence.admit(tab, bob, PresenceState.ONLINE, 20)) {
                admitted.incrementAndGet();
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    go.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(20, admitted.get());
    assertEquals(1, toldAbout(bob).size(), "one change: offline to online");
  }

  @Test
  void aHeartbeatRenewsTheTabsEntryAndRestoresOneThatWasLost() throws Exception {
    String cy = "cy-" + UUID.randomUUID();
    assertTrue(presence.admit("c1", cy, PresenceState.AWAY, 20));
    var tabs =
        hazelcast.<String, io.parley.presence.ConnectionPresence>getMap(HazelcastPresence.TABS);
    String key = hazelcast.getCluster().getLocalMember().getUuid() + ":c1";
    tabs.setTtl(key, 2, TimeUnit.SECONDS); // nearly expired
    presence.refresh("c1", cy, PresenceState.AWAY);
    Thread.sleep(3_000);
    assertEquals(PresenceState.AWAY, presence.stateOf(cy), "renewed: still there after 3 s");

    tabs.delete(key); // lost, e.g. its node was thought gone
    presence.refresh("c1", cy, PresenceState.AWAY);
    assertEquals(PresenceState.AWAY, presence.stateOf(cy), "put back by the heartbeat");
    assertEquals(2, toldAbout(cy).size(), "offline to away, and back after the loss");
  }

  @Test
  void whoIsOnlineAmongManyIsOneAnswer() {
    String on = "on-" + UUID.randomUUID();
    String away = "away-" + UUID.randomUUID();
    String mixed = "mixed-" + UUID.randomUUID();
    String gone = "gone-" + UUID.randomUUID();
    assertTrue(presence.admit("o1", on, PresenceState.ONLINE, 20));
    assertTrue(presence.admit("a1", away, PresenceState.AWAY, 20));
    assertTrue(presence.admit("m1", mixed, PresenceState.AWAY, 20));
    assertTrue(presence.admit("m2", mixed, PresenceState.ONLINE, 20));
    assertEquals(
        java.util.Set.of(on, mixed),
        presence.onlineAmong(java.util.Set.of(on, away, mixed, gone)),
        "online beats away across a person's tabs; nobody else");
    assertEquals(java.util.Set.of(), presence.onlineAmong(java.util.Set.of()));
  }
}
