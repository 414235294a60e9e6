package io.parley.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWKS source against a real HTTP server that fails, stalls or rotates keys on demand. */
class RemoteKeysTest {

  private static final JWKSelector ANY = new JWKSelector(new JWKMatcher.Builder().build());

  private HttpServer idp;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile int failuresLeft;
  private volatile long stallMillis;
  private volatile RSAKey served;

  @BeforeEach
  void startIdp() throws Exception {
    served = new RSAKeyGenerator(2048).keyID("k1").generate();
    idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    idp.setExecutor(Executors.newCachedThreadPool());
    idp.createContext(
        "/jwks",
        exchange -> {
          fetches.incrementAndGet();
          try {
            Thread.sleep(stallMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          boolean fail = failuresLeft > 0;
          if (fail) {
            failuresLeft--;
          }
          byte[] body =
              (fail ? "not yet" : new JWKSet(served.toPublicJWK()).toString())
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    idp.start();
  }

  @AfterEach
  void stopIdp() {
    idp.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks";
  }

  private RemoteKeys keys(Clock clock) throws Exception {
    return new RemoteKeys(URI.create(url()).toURL(), clock);
  }

  @Test
  void aFailedFirstFetchIsNotRememberedTheNextRequestSucceeds() throws Exception {
    failuresLeft = 1;
    RemoteKeys keys = keys(Clock.systemUTC());
    assertThrows(KeySourceException.class, () -> keys.get(ANY, null));
    assertFalse(keys.loaded());
    assertEquals(1, keys.get(ANY, null).size());
    assertTrue(keys.loaded());
  }

  @Test
  void tenSimultaneousFirstVerificationsShareOneFetchAndAllSucceed() throws Exception {
    stallMillis = 300;
    TokenVerifier verifier =
        new TokenVerifier("https://idp.example", keys(Clock.systemUTC()), Set.of("parley"));
    String token = token(served);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return verifier.verify(token).claims().username();
              }));
    }
    start.countDown();
    for (Future<String> result : results) {
      assertEquals("ada", result.get());
    }
    pool.shutdown();
    assertEquals(1, fetches.get(), "one shared fetch for simultaneous requests");
  }

  @Test
  void afterAFailureAtStartUpSignInWorksOnTheVeryNextRequest() throws Exception {
    failuresLeft = 1;
    TokenVerifier verifier =
        new TokenVerifier("https://idp.example", keys(Clock.systemUTC()), Set.of("parley"));
    String token = token(served);
    assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
    assertFalse(verifier.keysLoaded());
    verifier.loadKeys();
    assertTrue(verifier.keysLoaded());
    assertEquals("ada", verifier.verify(token).claims().username());
  }

  @Test
  void unknownKeyIdsRefetchAtMostEveryThirtySeconds() throws Exception {
    MutableClock clock = new MutableClock();
    RemoteKeys keys = keys(clock);
    keys.load();
    JWKSelector rotated =
        new JWKSelector(new JWKMatcher.Builder().keyID("k2").build()); // not served yet
    assertTrue(keys.get(rotated, null).isEmpty());
    assertTrue(keys.get(rotated, null).isEmpty());
    assertEquals(1, fetches.get(), "forged key ids do not trigger fetches");

    served = new RSAKeyGenerator(2048).keyID("k2").generate(); // the IdP rotates
    clock.advance(RemoteKeys.UNKNOWN_KEY_REFETCH.plusSeconds(1));
    assertEquals(1, keys.get(rotated, null).size());
    assertEquals(2, fetches.get());
  }

  @Test
  void oldKeysAreKeptWhenTheIdpIsDownAtRefresh() throws Exception {
    MutableClock clock = new MutableClock();
    RemoteKeys keys = keys(clock);
    keys.load();
    failuresLeft = 5;
    clock.advance(RemoteKeys.MAX_AGE.plusSeconds(1));
    assertEquals(1, keys.get(ANY, null).size());
  }

  private static String token(RSAKey key) throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("https://idp.example")
            .audience("parley")
            .subject("u-1")
            .claim("preferred_username", "ada")
            .issueTime(new Date())
            .expirationTime(new Date(System.currentTimeMillis() + 60_000))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-29T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
