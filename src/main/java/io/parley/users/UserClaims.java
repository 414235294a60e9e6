package io.parley.users;

import java.util.Set;

/** The identity claims of a verified token that Parley keeps about a user. */
public record UserClaims(
    String subject, String preferredUsername, String upn, String name, Set<String> groups) {

  public UserClaims {
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }

  /** preferred_username, else upn, else the subject. */
  public String username() {
    if (preferredUsername != null && !preferredUsername.isBlank()) {
      return preferredUsername;
    }
    if (upn != null && !upn.isBlank()) {
      return upn;
    }
    return subject;
  }

  public String displayName() {
    return name != null && !name.isBlank() ? name : username();
  }
}
