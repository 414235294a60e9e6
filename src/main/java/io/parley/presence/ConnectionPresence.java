package io.parley.presence;

import java.io.Serializable;

/** One open tab's presence, kept in Hazelcast with a time-to-live refreshed by heartbeats. */
public record ConnectionPresence(String userId, String node, PresenceState state, long at)
    implements Serializable {}
