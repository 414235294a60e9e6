package io.parley.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The development identity provider: signs tokens for whatever name is typed on the dev sign-in
 * page with an RSA key generated on first start and kept in the data directory (so sign-ins survive
 * restarts). Off in production; the public half is served as a JWKS so verification takes exactly
 * the same path as for a real IdP.
 */
public class DevTokenIssuer {

  private final RSAKey key;
  private final String issuer;
  private final String audience;
  private final Duration lifetime;
  private final Clock clock;

  public DevTokenIssuer(
      RSAKey key, String issuer, String audience, Duration lifetime, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** Loads the key from {@code file}, generating and saving one on first use. */
  public static RSAKey loadOrCreateKey(Path file) {
    try {
      if (Files.exists(file)) {
        return RSAKey.parse(Files.readString(file));
      }
      RSAKey generated =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyID("parley-dev-" + UUID.randomUUID())
              .generate();
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated.toJSONString());
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      return generated;
    } catch (IOException | ParseException | JOSEException e) {
      throw new IllegalStateException("cannot load or create the dev signing key " + file, e);
    }
  }

  /** A signed token for a development user with no group (a plain member). */
  public String issue(String username, String displayName) {
    return issue(username, displayName, List.of());
  }

  /** A signed token for a development user in the given IdP groups (admin, moderator). */
  public String issue(String username, String displayName, List<String> groups) {
    return issue(username, displayName, groups, UUID.randomUUID().toString());
  }

  /**
   * A token of an existing sign-in session ({@code sid}, revoked as a whole at sign-out): how the
   * page renews its short-lived token while in use.
   */
  public String issue(
      String username, String displayName, Collection<String> groups, String sessionId) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject("dev:" + username)
            .claim("upn", username)
            .claim("preferred_username", username)
            .claim("name", displayName)
            .claim("groups", List.copyOf(groups))
            .claim("sid", sessionId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a dev token", e);
    }
    return jwt.serialize();
  }

  /** The public key as a JWKS document. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  public Duration lifetime() {
    return lifetime;
  }
}
