package io.parley.security;

import io.parley.users.AccessToken;
import io.parley.users.User;
import java.time.Instant;

/**
 * The user a request or socket acts as (with the groups of its verified token, not the stored
 * ones), the sign-in session its token belongs to (revoked as a whole at sign-out; null for a token
 * that names none) and when the token expires. {@code accessToken} is the personal access token it
 * came with, or null for the identity provider's token.
 */
public record SignedIn(User user, String sessionId, Instant expiresAt, AccessToken accessToken) {

  public SignedIn(User user, String sessionId, Instant expiresAt) {
    this(user, sessionId, expiresAt, null);
  }

  /** Whether this caller may change things (post, edit, react, act in rooms), not only read. */
  public boolean mayWrite() {
    return accessToken == null || accessToken.scopes().contains(AccessToken.Scope.POST);
  }

  /** The request attribute under which the authentication mechanism leaves the caller. */
  public static final String REQUEST_ATTRIBUTE = "parley.signedIn";

  public String userId() {
    return user.id();
  }
}
