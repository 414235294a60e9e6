package io.parley.users;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A personal access token (or a bot account's): a script acts as {@code userId} with {@code scopes}
 * until {@code expiresAt}, through the API and the socket only. Only the SHA-256 of its secret is
 * kept.
 */
public record AccessToken(
    String id,
    String userId,
    String name,
    Set<Scope> scopes,
    String secretHash,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt) {

  /**
   * What a token may do: read rooms and messages; also post, edit, react and act in rooms; also act
   * as the administrator its person is, while the identity provider still says so.
   */
  public enum Scope {
    READ,
    POST,
    ADMIN
  }

  public AccessToken {
    scopes = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public AccessToken usedAt(Instant at) {
    return new AccessToken(
        id, userId, name, scopes, secretHash, createdBy, createdAt, expiresAt, at);
  }
}
