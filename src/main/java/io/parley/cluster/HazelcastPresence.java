package io.parley.cluster;

import static java.util.concurrent.TimeUnit.SECONDS;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.query.Predicates;
import com.hazelcast.topic.ITopic;
import io.parley.common.Broadcast.Subscription;
import io.parley.presence.ConnectionPresence;
import io.parley.presence.PresenceDirectory;
import io.parley.presence.PresenceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Presence in Hazelcast, never in MongoDB: one entry per open tab with a time-to-live that
 * heartbeats refresh, a last-seen time per user, and a topic that says whose presence changed. When
 * a node leaves the cluster its tabs are removed at once; lost heartbeats expire anyway.
 */
@ApplicationScoped
public class HazelcastPresence implements PresenceDirectory {

  /** A tab that sent no heartbeat for this long is gone (clients beat every 10 s). */
  static final long TTL_SECONDS = 40;

  static final String TABS = "parley.presence.tabs";

  @Inject HazelcastInstance hazelcast;

  private IMap<String, ConnectionPresence> tabs() {
    return hazelcast.getMap(TABS);
  }

  private IMap<String, Long> lastSeen() {
    return hazelcast.getMap("parley.presence.lastSeen");
  }

  private ITopic<String> changes() {
    return hazelcast.getTopic("parley.presence.changes");
  }

  /**
   * A tab reported its state (on change and as heartbeat). Whose presence changed is told to the
   * cluster only when the person's combined state changed: a heartbeat, or a second tab going away
   * while another stays online, tells nobody.
   */
  @Override
  public void report(String tabId, String userId, PresenceState state) {
    ConnectionPresence before =
        tabs().put(key(tabId), entry(tabId, userId, state), TTL_SECONDS, SECONDS);
    if (before != null && before.state() == state) {
      return; // heartbeat
    }
    Map<String, PresenceState> tabs = tabsOf(userId);
    PresenceState now = PresenceState.combine(tabs.values());
    tabs.remove(key(tabId));
    if (before != null) {
      tabs.put(key(tabId), before.state());
    }
    if (PresenceState.combine(tabs.values()) != now) {
      changes().publish(userId);
    }
  }

  /**
   * Counts a new tab unless the user already has {@code limit} open, as one step cluster-wide: a
   * lock per user (on the partition that owns it) makes simultaneous handshakes take turns, so
   * twenty-five at once still leave exactly {@code limit} open.
   */
  /** Only the entry's time-to-live is renewed: no value travels to the partition owner. */
  @Override
  public void refresh(String tabId, String userId, PresenceState state) {
    if (!tabs().setTtl(key(tabId), TTL_SECONDS, SECONDS)) {
      report(tabId, userId, state);
    }
  }

  @Override
  public boolean admit(String tabId, String userId, PresenceState state, int limit) {
    String lock = "admit/" + userId;
    tabs().lock(lock, 10, SECONDS);
    try {
      Map<String, PresenceState> tabs = tabsOf(userId);
      if (tabs.size() >= limit) {
        return false;
      }
      PresenceState before = PresenceState.combine(tabs.values());
      tabs().set(key(tabId), entry(tabId, userId, state), TTL_SECONDS, SECONDS);
      tabs.put(key(tabId), state);
      if (PresenceState.combine(tabs.values()) != before) {
        changes().publish(userId);
      }
      return true;
    } finally {
      tabs().unlock(lock);
    }
  }

  @Override
  public void closed(String tabId, String userId) {
    origins.remove(tabId);
    ConnectionPresence removed = tabs().remove(key(tabId));
    if (removed == null) {
      return;
    }
    Map<String, PresenceState> tabs = tabsOf(userId);
    PresenceState now = PresenceState.combine(tabs.values());
    if (now == PresenceState.OFFLINE) {
      lastSeen().set(userId, System.currentTimeMillis());
    }
    tabs.put(key(tabId), removed.state());
    if (PresenceState.combine(tabs.values()) != now) {
      changes().publish(userId);
    }
  }

  /** The user's open tabs and their states (one indexed query). */
  private Map<String, PresenceState> tabsOf(String userId) {
    Map<String, PresenceState> tabs = new HashMap<>();
    tabs()
        .entrySet(Predicates.equal("userId", userId))
        .forEach(e -> tabs.put(e.getKey(), e.getValue().state()));
    return tabs;
  }

  private ConnectionPresence entry(String tabId, String userId, PresenceState state) {
    Origin origin = origins.get(tabId);
    return new ConnectionPresence(
        userId,
        localNode(),
        state,
        System.currentTimeMillis(),
        origin == null ? null : origin.client(),
        origin == null ? 0 : origin.since());
  }

  /** Where this node's tabs come from and since when (node-local; travels in their entries). */
  private record Origin(String client, long since) {}

  private final Map<String, Origin> origins = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public void opened(String tabId, String client) {
    origins.put(tabId, new Origin(client, System.currentTimeMillis()));
  }

  @Override
  public PresenceState stateOf(String userId) {
    Set<PresenceState> states = new HashSet<>();
    tabs().values(Predicates.equal("userId", userId)).forEach(t -> states.add(t.state()));
    return PresenceState.combine(states);
  }

  /** One indexed query for all of them (an {@code @here} in a large room), not one per person. */
  @Override
  public Set<String> onlineAmong(Set<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    Map<String, Set<PresenceState>> states = new HashMap<>();
    tabs()
        .values(Predicates.in("userId", userIds.toArray(new String[0])))
        .forEach(t -> states.computeIfAbsent(t.userId(), u -> new HashSet<>()).add(t.state()));
    Set<String> online = new HashSet<>();
    states.forEach(
        (userId, tabs) -> {
          if (PresenceState.combine(tabs) == PresenceState.ONLINE) {
            online.add(userId);
          }
        });
    return online;
  }

  @Override
  public Optional<Instant> lastSeen(String userId) {
    return Optional.ofNullable(lastSeen().get(userId)).map(Instant::ofEpochMilli);
  }

  @Override
  public Subscription subscribe(Consumer<String> consumer) {
    UUID changed = changes().addMessageListener(event -> consumer.accept(event.getMessageObject()));
    UUID expired =
        tabs()
            .addEntryListener(
                (EntryExpiredListener<String, ConnectionPresence>)
                    event -> {
                      ConnectionPresence gone = event.getOldValue();
                      if (gone != null) {
                        lastSeen().set(gone.userId(), gone.at());
                        consumer.accept(gone.userId());
                      }
                    },
                true);
    UUID nodes = hazelcast.getCluster().addMembershipListener(new NodeLoss());
    return () -> {
      try {
        changes().removeMessageListener(changed);
        tabs().removeEntryListener(expired);
        hazelcast.getCluster().removeMembershipListener(nodes);
      } catch (RuntimeException e) {
        // the member is already shut down
      }
    };
  }

  /** A node left: its tabs are gone at once, not after their time-to-live. */
  private final class NodeLoss implements MembershipListener {
    @Override
    public void memberAdded(MembershipEvent event) {}

    @Override
    public void memberRemoved(MembershipEvent event) {
      // Every survivor gets this event; whichever removes a tab first tells the whole cluster (a
      // local call would only reach the pages on that one node).
      String node = event.getMember().getUuid().toString();
      for (var entry : tabs().entrySet(Predicates.equal("node", node))) {
        if (tabs().remove(entry.getKey()) != null) {
          lastSeen().set(entry.getValue().userId(), entry.getValue().at());
          changes().publish(entry.getValue().userId());
        }
      }
    }
  }

  /** Socket ids are unique per node only. */
  @Override
  public java.util.List<ConnectionPresence> connectionsOf(String userId) {
    java.util.List<ConnectionPresence> found =
        new java.util.ArrayList<>(
            tabs().values(com.hazelcast.query.Predicates.equal("userId", userId)));
    found.sort(java.util.Comparator.comparingLong(ConnectionPresence::at));
    return found;
  }

  private String key(String tabId) {
    return localNode() + ":" + tabId;
  }

  private String localNode() {
    return hazelcast.getCluster().getLocalMember().getUuid().toString();
  }
}
