package io.parley.users;

import java.util.Set;

/**
 * Global roles from the identity provider's groups, mapped by configuration: members of an admin
 * group administer Parley, members of a moderator group moderate every room.
 */
public record Roles(Set<String> adminGroups, Set<String> moderatorGroups) {

  public static final Roles NONE = new Roles(Set.of(), Set.of());

  public Roles {
    adminGroups = Set.copyOf(adminGroups);
    moderatorGroups = Set.copyOf(moderatorGroups);
  }

  public boolean isAdmin(User user) {
    return user.groups().stream().anyMatch(adminGroups::contains);
  }

  public boolean isModerator(User user) {
    return isAdmin(user) || user.groups().stream().anyMatch(moderatorGroups::contains);
  }
}
