package io.parley.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {

  private static RSAKey key;
  private static RSAKey otherKey;
  @TempDir static Path dir;
  private static TokenVerifier verifier;
  private static Path jwks;

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
    verifier = new TokenVerifier("https://idp.example", jwks.toString(), Set.of("parley"));
  }

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer("https://idp.example")
        .audience("parley")
        .subject("u-1")
        .claim("preferred_username", "ada")
        .claim("name", "Ada")
        .claim("groups", List.of("eng"))
        .issueTime(new Date())
        .expirationTime(new Date(System.currentTimeMillis() + 60_000));
  }

  private static String sign(JWTClaimsSet claims, RSAKey with) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(with));
    return jwt.serialize();
  }

  @Test
  void acceptsAValidTokenAndReadsItsClaims() throws Exception {
    var verified = verifier.verify(sign(claims().build(), key));
    assertEquals("u-1", verified.claims().subject());
    assertEquals("ada", verified.claims().username());
    assertEquals("Ada", verified.claims().displayName());
    assertEquals(Set.of("eng"), verified.claims().groups());
  }

  @Test
  void refusesForgedExpiredAndMisaddressedTokens() throws Exception {
    String[] bad = {
      null,
      "",
      "not.a.jwt",
      new PlainJWT(claims().build()).serialize(),
      sign(claims().build(), otherKey),
      sign(claims().expirationTime(new Date(System.currentTimeMillis() - 120_000)).build(), key),
      sign(claims().issuer("https://evil.example").build(), key),
      sign(claims().audience("someone-else").build(), key),
      sign(claims().subject(null).build(), key),
    };
    for (String token : bad) {
      assertThrows(
          InvalidTokenException.class, () -> verifier.verify(token), String.valueOf(token));
    }
  }

  @Test
  void aRememberedTokenStillExpiresAndAChangedOneIsVerifiedAfresh() throws Exception {
    Date expires = new Date(System.currentTimeMillis() + 300_000);
    String token = sign(claims().expirationTime(expires).build(), key);
    var clock = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.now());
    TokenVerifier remembering =
        new TokenVerifier("https://idp.example", jwks.toString(), Set.of("parley"))
            .withClock(
                new java.time.Clock() {
                  @Override
                  public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                  }

                  @Override
                  public java.time.Clock withZone(java.time.ZoneId zone) {
                    return this;
                  }

                  @Override
                  public java.time.Instant instant() {
                    return clock.get();
                  }
                });
    assertEquals("u-1", remembering.verify(token).claims().subject());
    assertEquals("u-1", remembering.verify(token).claims().subject(), "answered from memory");
    String tampered = token.substring(0, token.length() - 4) + "AAAA";
    assertThrows(InvalidTokenException.class, () -> remembering.verify(tampered));
    clock.set(expires.toInstant().plusSeconds(120)); // past expiry and the allowed clock skew
    assertThrows(
        InvalidTokenException.class,
        () -> remembering.verify(token),
        "expired: the full check runs again and refuses it");
  }

  @Test
  void refusesHmacTokensEvenWithThePublicKeyAsSecret() throws Exception {
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    hmac.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
    assertThrows(InvalidTokenException.class, () -> verifier.verify(hmac.serialize()));
  }

  @Test
  void refusesAnUnreadableKeyLocation() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TokenVerifier("i", dir.resolve("missing.json").toString(), Set.of()));
  }

  @Test
  void devIssuerTokensVerifyAndItsKeySurvivesRestarts() throws Exception {
    Path keyFile = dir.resolve("dev/key.json");
    RSAKey devKey = DevTokenIssuer.loadOrCreateKey(keyFile);
    assertEquals(devKey, DevTokenIssuer.loadOrCreateKey(keyFile), "loaded again, not regenerated");
    DevTokenIssuer issuer =
        new DevTokenIssuer(devKey, "parley-dev", "parley", Duration.ofHours(1), Clock.systemUTC());
    Path jwks = dir.resolve("dev-jwks.json");
    Files.writeString(jwks, issuer.publicJwks());
    TokenVerifier devVerifier = new TokenVerifier("parley-dev", jwks.toString(), Set.of("parley"));
    var verified = devVerifier.verify(issuer.issue("ada", "Ada Lovelace"));
    assertEquals("dev:ada", verified.claims().subject());
    assertEquals("Ada Lovelace", verified.claims().displayName());
    assertEquals(Duration.ofHours(1), issuer.lifetime());
    assertEquals(
        false, issuer.publicJwks().contains("\"d\""), "the private part is never published");
  }

  @Test
  void findsTokensInCookieAndAuthorizationHeaders() {
    assertEquals(
        "abc", Authenticator.tokenFromCookies(List.of("a=1; parley_token=abc; b=2")).orElseThrow());
    assertEquals(true, Authenticator.tokenFromCookies(List.of("parley_token=")).isEmpty());
    assertEquals(true, Authenticator.tokenFromCookies(null).isEmpty());
    assertEquals("xyz", Authenticator.tokenFromAuthorization("bearer xyz").orElseThrow());
    assertEquals(true, Authenticator.tokenFromAuthorization("Basic abc").isEmpty());
    assertEquals(true, Authenticator.tokenFromAuthorization(null).isEmpty());
  }
}
