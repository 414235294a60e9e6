package io.parley.users;

import java.util.Set;

/**
 * Global roles from the identity provider's groups, mapped by configuration: members of an admin
 * group administer Parley, members of a moderator group moderate every room, members of a guest
 * group (and of no admin or moderator group) are guests, who see only the rooms they were added to.
 * The groups are always those of a verified token, never the stored user record's copy (kept for
 * display only).
 */
public record Roles(Set<String> adminGroups, Set<String> moderatorGroups, Set<String> guestGroups) {

  public static final Roles NONE = new Roles(Set.of(), Set.of(), Set.of());

  public Roles(Set<String> adminGroups, Set<String> moderatorGroups) {
    this(adminGroups, moderatorGroups, Set.of());
  }

  /** The container roles Parley declares: everyone signed in, global moderators, admins. */
  public static final String USER = "user";

  public static final String MODERATOR = "moderator";
  public static final String ADMIN = "admin";

  public Roles {
    adminGroups = Set.copyOf(adminGroups);
    moderatorGroups = Set.copyOf(moderatorGroups);
    guestGroups = Set.copyOf(guestGroups);
  }

  /** Whether a verified token's groups make its bearer a guest (and nothing more). */
  public boolean isGuest(Set<String> groups) {
    return !isModerator(groups) && groups.stream().anyMatch(guestGroups::contains);
  }

  /** Whether a verified token's groups make its bearer an administrator. */
  public boolean isAdmin(Set<String> groups) {
    return groups.stream().anyMatch(adminGroups::contains);
  }

  /** The container roles of a verified token's groups (always {@link #USER}). */
  public Set<String> containerRoles(Set<String> groups) {
    if (isAdmin(groups)) {
      return Set.of(USER, MODERATOR, ADMIN);
    }
    return isModerator(groups) ? Set.of(USER, MODERATOR) : Set.of(USER);
  }

  /** Whether a verified token's groups make its bearer a moderator of every room. */
  public boolean isModerator(Set<String> groups) {
    return isAdmin(groups) || groups.stream().anyMatch(moderatorGroups::contains);
  }
}
