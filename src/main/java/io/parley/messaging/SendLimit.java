package io.parley.messaging;

/**
 * Decides whether the user may post in the room now; returns the seconds to wait, or 0. Shared by
 * every way in (socket, API, plain form) and, in a cluster, by every node.
 */
@FunctionalInterface
public interface SendLimit {
  SendLimit NONE = (userId, roomId) -> 0;

  long secondsToWait(String userId, String roomId);
}
