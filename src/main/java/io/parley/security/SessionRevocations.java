package io.parley.security;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Sign-in sessions ended by signing out, cluster-wide: every token of a revoked session is refused
 * on every node until it would have expired anyway, and its open sockets are closed.
 */
public interface SessionRevocations {

  /** Ends the session: remembered until {@code until} (its last token's expiry), told to all. */
  void revoke(String sessionId, Instant until);

  boolean isRevoked(String sessionId);

  /** Calls {@code consumer} on this node with every session id revoked anywhere. */
  void subscribe(Consumer<String> consumer);
}
