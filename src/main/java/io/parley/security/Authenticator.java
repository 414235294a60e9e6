package io.parley.security;

import io.parley.common.Broadcast.Subscription;
import io.parley.common.DomainException;
import io.parley.users.AccessToken;
import io.parley.users.AccessTokens;
import io.parley.users.AccessWithdrawals;
import io.parley.users.SessionRevocations;
import io.parley.users.User;
import io.parley.users.UserClaims;
import io.parley.users.UserService;
import io.parley.users.VerifiedGroups;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a token (from the session cookie or a Bearer header) into a signed-in user, creating or
 * refreshing the user record from its claims when they change.
 */
@ApplicationScoped
public class Authenticator {

  public static final String COOKIE = "parley_token";

  @Inject SecuritySettings settings;
  @Inject UserService users;
  @Inject VerifiedGroups verifiedGroups;
  @Inject SessionRevocations revocations;
  @Inject AccessWithdrawals withdrawals;
  @Inject AccessTokens accessTokens;

  private Subscription withdrawnAccess = Subscription.NONE;

  private TokenVerifier verifier;
  private final Map<String, UserClaims> knownClaims = new ConcurrentHashMap<>();
  private final Map<String, Recorded> recordedGroups = new ConcurrentHashMap<>();

  /** The groups this node last recorded for a person, and until when they are kept. */
  private record Recorded(Set<String> groups, Instant until) {}

  @PreDestroy
  void stop() {
    withdrawnAccess.close();
  }

  @PostConstruct
  void init() {
    withdrawnAccess = withdrawals.subscribe(this::forget);
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
    if (AccessTokens.isAccessToken(token)) {
      AccessToken access;
      try {
        access = accessTokens.verify(token);
      } catch (DomainException e) {
        throw new InvalidTokenException(e.getMessage());
      }
      User user = current(access.userId());
      if (user.disabled()) {
        throw new AccessWithdrawnException("your access to Parley was withdrawn");
      }
      // A script's token carries its person's roles only with the admin scope, and then only as
      // long as their identity provider's latest word (their last verified token) gives them.
      java.util.Set<String> groups =
          access.scopes().contains(AccessToken.Scope.ADMIN)
              ? verifiedGroups.of(access.userId())
              : java.util.Set.of();
      return new SignedIn(user.withGroups(groups), null, access.expiresAt(), access);
    }
    TokenVerifier.VerifiedToken verified = verifier.verify(token);
    try {
      return signedIn(
          verified.claims(), verified.sessionId(), verified.issuedAt(), verified.expiresAt());
    } catch (DomainException e) {
      throw new InvalidTokenException(e.getMessage()); // claims Parley cannot use
    }
  }

  /**
   * The user of verified claims, unless their session was signed out or their access withdrawn. The
   * user carries the token's groups; the stored ones never count.
   */
  private SignedIn signedIn(
      UserClaims claims, String sessionId, Instant issuedAt, Instant expiresAt)
      throws InvalidTokenException {
    if (sessionId != null && revocations.isRevoked(sessionId, issuedAt)) {
      throw new InvalidTokenException("signed out: sign in again");
    }
    if (!claims.equals(knownClaims.get(claims.subject()))) {
      users.signIn(claims);
      knownClaims.put(claims.subject(), claims);
      forget(claims.subject());
    }
    var user = current(claims.subject());
    if (user.disabled()) {
      throw new AccessWithdrawnException("your access to Parley was withdrawn");
    }
    recordGroups(claims, expiresAt);
    return new SignedIn(user.withGroups(claims.groups()), sessionId, expiresAt);
  }

  /**
   * Ends the sign-in session of a token on every node: its tokens are refused from now on and its
   * sockets close. An invalid or expired token has nothing left to end.
   */
  public void signOut(String token) {
    try {
      TokenVerifier.VerifiedToken verified = verifier.verify(token);
      if (verified.sessionId() != null) {
        revocations.revoke(verified.sessionId(), verified.expiresAt());
      }
    } catch (InvalidTokenException e) {
      // nothing to revoke
    }
  }

  /**
   * How long this node trusts its copy of a person's record (their withdrawal evicts it at once).
   */
  static final java.time.Duration USER_COPY_TTL = java.time.Duration.ofSeconds(5);

  private record UserCopy(User user, long readAtNanos) {}

  private final Map<String, UserCopy> userCopies = new ConcurrentHashMap<>();

  /**
   * The person's record, from this node's copy for a few seconds: every page, API call and socket
   * handshake asks, and the store read was a good part of a handshake's cost. A withdrawal of
   * access, anywhere in the cluster, evicts the copy ({@link #forget}).
   */
  private User current(String userId) {
    UserCopy copy = userCopies.get(userId);
    long now = System.nanoTime();
    if (copy != null && now - copy.readAtNanos() < USER_COPY_TTL.toNanos()) {
      return copy.user();
    }
    var user = users.require(userId);
    if (userCopies.size() > 50_000) {
      userCopies.clear();
    }
    userCopies.put(userId, new UserCopy(user, now));
    return user;
  }

  /**
   * Drops this node's copy of a person's record (access withdrawn or restored, profile changed).
   */
  public void forget(String userId) {
    userCopies.remove(userId);
  }

  /** Cluster-wide roles follow the latest verified token; written only when they change. */
  private void recordGroups(UserClaims claims, Instant expiresAt) {
    Recorded known = recordedGroups.get(claims.subject());
    if (known == null
        || !known.groups().equals(claims.groups())
        || known.until().isBefore(expiresAt)) {
      verifiedGroups.record(claims.subject(), claims.groups(), expiresAt);
      recordedGroups.put(claims.subject(), new Recorded(claims.groups(), expiresAt));
    }
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

  /** The token of an {@code Authorization: Bearer} header value (scheme in any case), if any. */
  public static Optional<String> tokenFromAuthorization(String header) {
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
    return Optional.empty();
  }
}
