package io.parley.users;

import java.time.Instant;
import java.util.Set;

/**
 * A person known to Parley, keyed by the subject of their identity token. The identity provider
 * supplies the username, groups and a first display name; the person may choose their own display
 * name ({@code nameChosen}), a status line and an avatar ({@code avatarVersion} is null when they
 * have none and changes with every upload, so its URL can be cached). A {@code bot} posts for a
 * system (an incoming webhook) and never signs in.
 */
public record User(
    String id,
    String username,
    String displayName,
    Set<String> groups,
    Instant lastSignIn,
    String status,
    String avatarVersion,
    boolean nameChosen,
    boolean disabled,
    boolean bot) {

  public User {
    groups = Set.copyOf(groups);
    status = status == null ? "" : status;
  }

  public User(
      String id, String username, String displayName, Set<String> groups, Instant lastSignIn) {
    this(id, username, displayName, groups, lastSignIn, "", null, false, false, false);
  }

  public User(
      String id,
      String username,
      String displayName,
      Set<String> groups,
      Instant lastSignIn,
      String status,
      String avatarVersion,
      boolean nameChosen,
      boolean disabled) {
    this(
        id,
        username,
        displayName,
        groups,
        lastSignIn,
        status,
        avatarVersion,
        nameChosen,
        disabled,
        false);
  }

  /**
   * An account that posts for a system (a webhook, a script): never signs in, marked "bot"; its
   * status line says whose it is.
   */
  public static User bot(
      String id, String username, String displayName, String owner, Instant createdAt) {
    return new User(
        id, username, displayName, Set.of(), createdAt, owner, null, false, false, true);
  }

  public boolean hasAvatar() {
    return avatarVersion != null;
  }

  /** The same person with the groups of the token they signed in with. */
  public User withGroups(Set<String> tokenGroups) {
    return new User(
        id,
        username,
        displayName,
        tokenGroups,
        lastSignIn,
        status,
        avatarVersion,
        nameChosen,
        disabled,
        bot);
  }

  User withProfile(String name, String newStatus) {
    return new User(
        id, username, name, groups, lastSignIn, newStatus, avatarVersion, true, disabled, bot);
  }

  User withDisabled(boolean off) {
    return new User(
        id, username, displayName, groups, lastSignIn, status, avatarVersion, nameChosen, off, bot);
  }

  User withAvatar(String version) {
    return new User(
        id, username, displayName, groups, lastSignIn, status, version, nameChosen, disabled, bot);
  }
}
