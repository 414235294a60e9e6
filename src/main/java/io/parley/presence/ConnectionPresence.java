package io.parley.presence;

import java.io.Serializable;

/**
 * One open tab's presence, kept in Hazelcast with a time-to-live refreshed by heartbeats: whose it
 * is, the node holding the socket, its state and when that was reported, and (for the admin
 * console) the client's address and when the socket opened (0 when not known).
 */
public record ConnectionPresence(
    String userId, String node, PresenceState state, long at, String client, long since)
    implements Serializable {

  public ConnectionPresence(String userId, String node, PresenceState state, long at) {
    this(userId, node, state, at, null, 0);
  }
}
