package io.parley.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The identity provider's signing keys, fetched from its JWKS URL. Rules, each for a failure seen
 * in practice:
 *
 * <ul>
 *   <li>one fetch in flight at a time: simultaneous first requests share it instead of racing;
 *   <li>a failed fetch is never remembered: the next request tries again (Nimbus's default source
 *       rate-limits refetches for 30 s after any fetch, so one failure at start-up refused every
 *       cookie for up to 90 s);
 *   <li>a token naming an unknown key refetches at most every 30 s after a success, so forged
 *       {@code kid}s cannot make the server hammer the IdP;
 *   <li>keys older than 10 minutes are refreshed, keeping the old ones if the IdP is unreachable.
 * </ul>
 */
public final class RemoteKeys implements JWKSource<SecurityContext> {

  static final Duration UNKNOWN_KEY_REFETCH = Duration.ofSeconds(30);
  static final Duration MAX_AGE = Duration.ofMinutes(10);
  private static final long FETCH_WAIT_SECONDS = 15;

  private final URL url;
  private final ResourceRetriever retriever;
  private final Clock clock;

  private volatile Loaded loaded;
  private CompletableFuture<Loaded> inFlight; // guarded by this

  private record Loaded(JWKSet keys, Instant at) {}

  public RemoteKeys(URL url, Clock clock) {
    this(url, new DefaultResourceRetriever(5_000, 5_000, 512 * 1024), clock);
  }

  RemoteKeys(URL url, ResourceRetriever retriever, Clock clock) {
    this.url = url;
    this.retriever = retriever;
    this.clock = clock;
  }

  /** Whether keys were fetched at least once. */
  public boolean loaded() {
    return loaded != null;
  }

  /** Fetches the keys now (sharing a fetch already in flight). */
  public void load() throws KeySourceException {
    fetch();
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    Loaded current = loaded;
    Instant now = clock.instant();
    if (current == null) {
      current = fetch();
    } else if (current.at().plus(MAX_AGE).isBefore(now)) {
      try {
        current = fetch();
      } catch (KeySourceException e) {
        // The IdP is unreachable: the keys we have are still the best answer.
      }
    }
    List<JWK> found = selector.select(current.keys());
    if (found.isEmpty() && current.at().plus(UNKNOWN_KEY_REFETCH).isBefore(now)) {
      found = selector.select(fetch().keys()); // the IdP may have rotated its keys
    }
    return found;
  }

  private Loaded fetch() throws KeySourceException {
    CompletableFuture<Loaded> shared;
    boolean mine = false;
    synchronized (this) {
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        mine = true;
      }
      shared = inFlight;
    }
    if (mine) {
      try {
        JWKSet keys = JWKSet.parse(retriever.retrieveResource(url).getContent());
        Loaded fresh = new Loaded(keys, clock.instant());
        loaded = fresh;
        shared.complete(fresh);
      } catch (Exception e) {
        shared.completeExceptionally(e);
      } finally {
        synchronized (this) {
          inFlight = null;
        }
      }
    }
    try {
      return shared.get(FETCH_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new KeySourceException(
          "cannot load token keys from " + url + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new KeySourceException("token keys from " + url + " took too long", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeySourceException("interrupted while loading token keys", e);
    }
  }
}
