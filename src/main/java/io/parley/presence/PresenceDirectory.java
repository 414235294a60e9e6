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

  /** A tab's state (on change, and as heartbeat to keep the tab alive). */
  void report(String tabId, String userId, PresenceState state);

  void closed(String tabId, String userId);

  PresenceState stateOf(String userId);

  Optional<Instant> lastSeen(String userId);

  /**
   * Calls {@code consumer} on this node with the id of everyone whose presence may have changed.
   */
  Subscription subscribe(Consumer<String> consumer);
}
