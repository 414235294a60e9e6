package io.parley.ws;

import io.parley.common.Broadcast.Subscription;
import io.parley.security.SessionRevocations;
import io.parley.users.AccessWithdrawals;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Closes sockets on this node when the cluster says so: every socket of a person whose access was
 * withdrawn (4403), every socket of a sign-in session that signed out (4401).
 */
@ApplicationScoped
public class RevocationFeed {

  @Inject AccessWithdrawals withdrawals;
  @Inject SessionRevocations revocations;
  @Inject LiveConnections connections;

  @Inject io.parley.presence.Disconnects disconnects;

  private Subscription withdrawn = Subscription.NONE;
  private Subscription signedOut = Subscription.NONE;
  private Subscription disconnected = Subscription.NONE;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    withdrawn = withdrawals.subscribe(this::withdrawn);
    signedOut = revocations.subscribe(this::signedOut);
    disconnected = disconnects.subscribe(this::disconnected);
  }

  @PreDestroy
  void stop() {
    withdrawn.close();
    signedOut.close();
    disconnected.close();
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
