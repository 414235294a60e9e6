package io.parley.ws;

import io.parley.cluster.HazelcastRevocations;
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

  @Inject HazelcastRevocations revocations;
  @Inject LiveConnections connections;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    revocations.subscribeWithdrawn(this::withdrawn);
    revocations.subscribe(this::signedOut);
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
