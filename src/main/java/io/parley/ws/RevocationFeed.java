package io.parley.ws;

import io.parley.cluster.HazelcastRevocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Closes every socket of a person whose access was withdrawn, on this node, with 4403. */
@ApplicationScoped
public class RevocationFeed {

  @Inject HazelcastRevocations revocations;
  @Inject LiveConnections connections;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    revocations.subscribe(this::revoked);
  }

  void revoked(String userId) {
    connections.all().stream()
        .filter(c -> c.userId().equals(userId))
        .forEach(c -> c.close(SessionExpiry.REVOKED, "access withdrawn"));
  }
}
