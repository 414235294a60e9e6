package io.parley.users;

import java.util.Optional;
import java.util.Set;

/**
 * Who the current request or socket frame acts as, with the groups of its own verified token. Role
 * decisions about that person use these groups, never those of some other token of theirs that
 * happened to be used last (a person's old admin token must not lend its role to a new plain one,
 * nor the reverse). Set by the adapters around each request and frame, on the thread handling it.
 */
public final class ActingIdentity {

  private record Acting(String userId, Set<String> groups) {}

  private static final ThreadLocal<Acting> CURRENT = new ThreadLocal<>();

  private ActingIdentity() {}

  /** Runs {@code work} as the person with these verified groups. */
  public static void run(String userId, Set<String> groups, Runnable work) {
    Acting before = CURRENT.get();
    CURRENT.set(new Acting(userId, Set.copyOf(groups)));
    try {
      work.run();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }

  /** The groups of the request's own token, if the request acts as this person. */
  public static Optional<Set<String>> groupsOf(String userId) {
    Acting acting = CURRENT.get();
    return acting != null && acting.userId().equals(userId)
        ? Optional.of(acting.groups())
        : Optional.empty();
  }
}
