package io.parley.security;

import io.parley.users.User;
import java.time.Instant;

/**
 * The user a request or socket acts as (with the groups of its verified token, not the stored
 * ones), the sign-in session its token belongs to (revoked as a whole at sign-out; null for a token
 * that names none) and when the token expires.
 */
public record SignedIn(User user, String sessionId, Instant expiresAt) {

  /** The request attribute under which the authentication mechanism leaves the caller. */
  public static final String REQUEST_ATTRIBUTE = "parley.signedIn";

  public String userId() {
    return user.id();
  }
}
