package io.parley.users;

import java.time.Instant;
import java.util.Set;

/** A person known to Parley, keyed by the subject of their identity token. */
public record User(
    String id, String username, String displayName, Set<String> groups, Instant lastSignIn) {

  public User {
    groups = Set.copyOf(groups);
  }
}
