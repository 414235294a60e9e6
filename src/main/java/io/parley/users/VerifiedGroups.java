package io.parley.users;

import java.time.Instant;
import java.util.Set;

/**
 * The groups of each person's most recently verified token, cluster-wide. Global roles are decided
 * from these (or from the token of the request itself), never from the stored user record, which
 * anyone who can reach the store could edit.
 */
public interface VerifiedGroups {

  /** Remembers the groups of a token that was just verified, until it expires. */
  void record(String userId, Set<String> groups, Instant until);

  /** The groups of the person's last verified, unexpired token; empty when none. */
  Set<String> of(String userId);

  /** For unit tests of one class: remembers nothing. */
  VerifiedGroups NONE =
      new VerifiedGroups() {
        @Override
        public void record(String userId, Set<String> groups, Instant until) {}

        @Override
        public Set<String> of(String userId) {
          return Set.of();
        }
      };
}
