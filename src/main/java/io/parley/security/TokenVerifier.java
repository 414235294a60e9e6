package io.parley.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.parley.users.UserClaims;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies the RS256 tokens that browsers carry in the session cookie and WebSocket handshake, by
 * MicroProfile JWT's settings ({@code mp.jwt.verify.*}): issuer, public key location (a JWKS URL or
 * file) and audience. Only RS256 is accepted, so tokens with {@code alg: none} or an HMAC algorithm
 * never verify.
 */
public class TokenVerifier {

  /** Verified tokens kept at most (each browser tab and API call presents the same one again). */
  static final int REMEMBERED = 20_000;

  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final JWKSource<SecurityContext> keys;
  private final java.util.Map<String, VerifiedToken> verified =
      new java.util.concurrent.ConcurrentHashMap<>();
  private Clock clock = Clock.systemUTC();

  public TokenVerifier(String issuer, String keyLocation, Set<String> audiences) {
    this(issuer, keySource(keyLocation), audiences);
  }

  TokenVerifier(String issuer, JWKSource<SecurityContext> keys, Set<String> audiences) {
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    p.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audiences.isEmpty() ? null : audiences,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "exp", "iat"),
            null) {
          @Override
          protected java.util.Date currentTime() {
            return java.util.Date.from(clock.instant()); // one clock for expiry, here and below
          }
        });
    this.processor = p;
    this.keys = keys;
  }

  /** Whether the signing keys are at hand (always, for a key file; once fetched, for a URL). */
  public boolean keysLoaded() {
    return !(keys instanceof RemoteKeys remote) || remote.loaded();
  }

  /** Fetches the signing keys from their URL now; start-up calls this before reporting ready. */
  public void loadKeys() throws InvalidTokenException {
    if (keys instanceof RemoteKeys remote) {
      try {
        remote.load();
      } catch (KeySourceException e) {
        throw new InvalidTokenException(e.getMessage());
      }
    }
  }

  /** The claims of a valid token (signature, issuer, audience, expiry checked). */
  public JWTClaimsSet claims(String token) throws InvalidTokenException {
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException("no token");
    }
    try {
      return processor.process(token, null);
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      throw new InvalidTokenException("invalid token: " + e.getMessage());
    }
  }

  /** For tests: the clock that decides when a remembered token has expired. */
  TokenVerifier withClock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * The identity in a valid token. A token verified before is answered from memory until it expires
   * (a page's cookie comes with every request and socket handshake; the signature check and claim
   * parsing were most of a handshake's cost); exactly the same string only, so a token changed in
   * any way is verified afresh.
   */
  public VerifiedToken verify(String token) throws InvalidTokenException {
    VerifiedToken known = token == null ? null : verified.get(token);
    if (known != null && clock.instant().isBefore(known.expiresAt())) {
      return known;
    }
    VerifiedToken fresh = verifyFully(token);
    if (clock.instant().isBefore(fresh.expiresAt())) {
      remember(token, fresh);
    }
    return fresh;
  }

  private void remember(String token, VerifiedToken result) {
    if (verified.size() >= REMEMBERED) {
      Instant now = clock.instant();
      verified.values().removeIf(v -> !now.isBefore(v.expiresAt()));
      if (verified.size() >= REMEMBERED) {
        verified.clear();
      }
    }
    verified.put(token, result);
  }

  private VerifiedToken verifyFully(String token) throws InvalidTokenException {
    JWTClaimsSet claims = claims(token);
    try {
      List<String> groups = claims.getStringListClaim("groups");
      UserClaims user =
          new UserClaims(
              claims.getSubject(),
              claims.getStringClaim("preferred_username"),
              claims.getStringClaim("upn"),
              claims.getStringClaim("name"),
              groups == null ? Set.of() : new HashSet<>(groups));
      String session = claims.getStringClaim("sid");
      return new VerifiedToken(
          user,
          session != null && !session.isBlank() ? session : claims.getJWTID(),
          claims.getIssueTime().toInstant(),
          claims.getExpirationTime().toInstant());
    } catch (ParseException | RuntimeException e) {
      throw new InvalidTokenException("invalid token: " + e.getMessage());
    }
  }

  /**
   * The claims of a verified token, the sign-in session it belongs to (the IdP's {@code sid}, else
   * the token's own {@code jti}; null when it has neither), when it was issued and when it expires.
   */
  public record VerifiedToken(
      UserClaims claims, String sessionId, Instant issuedAt, Instant expiresAt) {}

  private static JWKSource<SecurityContext> keySource(String location) {
    try {
      if (location.startsWith("http://") || location.startsWith("https://")) {
        return new RemoteKeys(URI.create(location).toURL(), Clock.systemUTC());
      }
      Path file =
          Path.of(
              location.startsWith("file:") ? URI.create(location) : URI.create("file:" + location));
      return new ImmutableJWKSet<>(JWKSet.parse(Files.readString(file)));
    } catch (ParseException | java.io.IOException e) {
      throw new IllegalArgumentException("cannot read token keys from " + location, e);
    }
  }
}
