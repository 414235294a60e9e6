package io.parley.security;

import io.parley.users.User;
import java.time.Instant;

/** The user a request or socket acts as, and when their token expires. */
public record SignedIn(User user, Instant expiresAt) {

  public String userId() {
    return user.id();
  }
}
