package io.parley.security;

import io.parley.app.Settings;
import io.parley.users.UserClaims;
import io.parley.users.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a token (from the session cookie or a Bearer header) into a signed-in user, creating or
 * refreshing the user record from its claims when they change.
 */
@ApplicationScoped
public class Authenticator {

  public static final String COOKIE = "parley_token";

  @Inject Settings settings;
  @Inject UserService users;

  private TokenVerifier verifier;
  private final Map<String, UserClaims> knownClaims = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    verifier =
        new TokenVerifier(
            settings.tokenIssuer(), settings.tokenKeyLocation(), settings.tokenAudiences());
  }

  /** Whether tokens can be verified now: the IdP's signing keys are loaded. */
  public boolean keysLoaded() {
    return verifier.keysLoaded();
  }

  /** Loads the signing keys (one shared fetch); throws while the key location does not answer. */
  public void loadKeys() throws InvalidTokenException {
    verifier.loadKeys();
  }

  public SignedIn authenticate(String token) throws InvalidTokenException {
    TokenVerifier.VerifiedToken verified = verifier.verify(token);
    try {
      return signedIn(verified.claims(), verified.expiresAt());
    } catch (io.parley.common.DomainException e) {
      throw new InvalidTokenException(e.getMessage());
    }
  }

  /** The user of claims already verified (by this class or by MicroProfile JWT). */
  public SignedIn signedIn(UserClaims claims, Instant expiresAt) {
    if (!claims.equals(knownClaims.get(claims.subject()))) {
      users.signIn(claims);
      knownClaims.put(claims.subject(), claims);
    }
    var user = users.require(claims.subject());
    if (user.disabled()) {
      throw io.parley.common.DomainException.forbidden("your access to Parley was withdrawn");
    }
    return new SignedIn(user, expiresAt);
  }

  /** The token in a Cookie header value, if any. */
  public static Optional<String> tokenFromCookies(List<String> cookieHeaders) {
    if (cookieHeaders == null) {
      return Optional.empty();
    }
    for (String header : cookieHeaders) {
      for (String part : header.split(";")) {
        String[] pair = part.strip().split("=", 2);
        if (pair.length == 2 && pair[0].equals(COOKIE) && !pair[1].isBlank()) {
          return Optional.of(pair[1]);
        }
      }
    }
    return Optional.empty();
  }

  /** The token of an {@code Authorization: Bearer} header value, if any. */
  public static Optional<String> tokenFromAuthorization(String header) {
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7).strip());
    }
    return Optional.empty();
  }
}
