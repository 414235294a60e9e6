package io.parley.presence;

import java.time.Instant;
import java.util.List;

/**
 * The record of every socket (connection id, node, person, client address, opened, closed, close
 * code and reason), kept in the store for a retention period. Writing never makes a socket wait.
 */
public interface ConnectionLog {

  /** A socket of this node opened ({@code socketId} is unique on the node). */
  void opened(String socketId, String userId, String client, Instant at);

  /** A socket of this node closed, with its WebSocket close code and reason. */
  void closed(String socketId, Instant at, int code, String reason);

  /** The person's latest sockets, newest first. */
  List<ConnectionRecord> recent(String userId, int limit);

  /** Retention: forgets sockets opened before {@code cutoff}; returns how many. */
  long removeOpenedBefore(Instant cutoff);
}
