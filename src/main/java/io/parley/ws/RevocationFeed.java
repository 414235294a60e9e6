package io.parley.ws;

import io.parley.users.AccessWithdrawals;
import io.parley.users.SessionRevocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Closes sockets on this node when the cluster says so: every socket of a person whose access was
 * withdrawn (4403), every socket of a sign-in session that signed out (4401).
 */
@ApplicationScoped
public class RevocationFeed extends Feed {

  @Inject AccessWithdrawals withdrawals;
  @Inject SessionRevocations revocations;
  @Inject LiveConnections connections;

  @Inject io.parley.presence.Disconnects disconnects;

  @Override
  protected void follow() {
    on(withdrawals::subscribe, userId -> userId, this::withdrawn);
    on(revocations::subscribe, sessionId -> sessionId, this::signedOut);
    on(disconnects::subscribe, userId -> userId, this::disconnected);
  }

  /** An administrator ended the person's connections: the pages reconnect by themselves. */
  void disconnected(String userId) {
    connections.all().stream()
        .filter(c -> c.userId().equals(userId))
        .forEach(
            c ->
                c.close(
                    io.parley.presence.Disconnects.CLOSE_CODE, "disconnected by an administrator"));
  }

  void withdrawn(String userId) {
    connections.all().stream()
        .filter(c -> c.userId().equals(userId))
        .forEach(c -> c.close(SessionExpiry.REVOKED, "access withdrawn"));
  }

  void signedOut(String sessionId) {
    connections.all().stream()
        .filter(c -> sessionId.equals(c.sessionId()))
        .forEach(c -> c.close(SessionExpiry.EXPIRED, "signed out"));
  }
}
