package io.parley.testing;

import io.parley.users.Roles;
import io.parley.users.UserService;
import io.parley.users.VerifiedGroups;
import java.time.Instant;
import java.util.Set;

/** Administrators and global moderators for domain tests, as their verified tokens would say. */
public final class TestRoles {

  private TestRoles() {}

  /** Makes {@code admins} administrators and {@code moderators} global moderators. */
  public static void give(UserService users, Set<String> admins, Set<String> moderators) {
    users.configure(
        new Roles(Set.of("admins"), Set.of("mods")),
        new VerifiedGroups() {
          @Override
          public void record(String userId, Set<String> groups, Instant until) {}

          @Override
          public Set<String> of(String userId) {
            return admins.contains(userId)
                ? Set.of("admins")
                : moderators.contains(userId) ? Set.of("mods") : Set.of();
          }
        },
        id -> {});
  }
}
