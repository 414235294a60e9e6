package io.parley.presence;

import io.parley.common.Broadcast.Subscription;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who is online, cluster-wide: one entry per open tab kept alive by heartbeats, combined per person
 * (online beats away beats offline), with the time each person was last seen.
 */
public interface PresenceDirectory {

  /**
   * Counts a new tab in {@code state} unless its person already has {@code limit} open, as one step
   * cluster-wide (simultaneous handshakes take turns).
   */
  boolean admit(String tabId, String userId, PresenceState state, int limit);

  /** Where a tab's socket comes from, told before it is admitted (shown to admins). */
  default void opened(String tabId, String client) {}

  /** A tab's state changed (or may have: this node does not know what the cluster holds). */
  void report(String tabId, String userId, PresenceState state);

  /**
   * A heartbeat of a tab whose state did not change: keeps its entry alive. Falls back to {@link
   * #report} when the entry is gone (it expired, or its node was thought lost).
   */
  default void refresh(String tabId, String userId, PresenceState state) {
    report(tabId, userId, state);
  }

  void closed(String tabId, String userId);

  PresenceState stateOf(String userId);

  /** Those of {@code userIds} who are online (not away, not offline) now. */
  default java.util.Set<String> onlineAmong(java.util.Set<String> userIds) {
    java.util.Set<String> online = new java.util.HashSet<>();
    userIds.stream().filter(id -> stateOf(id) == PresenceState.ONLINE).forEach(online::add);
    return online;
  }

  /** The person's open sockets on every node (for the admin console). */
  java.util.List<ConnectionPresence> connectionsOf(String userId);

  Optional<Instant> lastSeen(String userId);

  /**
   * Calls {@code consumer} on this node with the id of everyone whose presence may have changed.
   */
  Subscription subscribe(Consumer<String> consumer);
}
