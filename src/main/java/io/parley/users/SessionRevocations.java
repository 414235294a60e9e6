package io.parley.users;

import io.parley.common.Broadcast.Subscription;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Sign-in sessions ended by signing out, cluster-wide: every token of the session issued until then
 * is refused on every node (until it would have expired anyway), and its open sockets are closed. A
 * token issued later for the same IdP session (a new sign-in) is not affected.
 */
public interface SessionRevocations {

  /** Ends the session: remembered until {@code until} (its last token's expiry), told to all. */
  void revoke(String sessionId, Instant until);

  /** Whether a token of this session, issued at {@code issuedAt}, was signed out since. */
  boolean isRevoked(String sessionId, Instant issuedAt);

  /** Calls {@code consumer} on this node with every session id revoked anywhere. */
  Subscription subscribe(Consumer<String> consumer);
}
