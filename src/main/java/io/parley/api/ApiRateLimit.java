package io.parley.api;

import io.parley.cluster.HazelcastRateLimits;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * API calls per token, cluster-wide: over the limit a call gets 429 with {@code Retry-After} and
 * does nothing. Runs after authentication, so only valid tokens have buckets.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ApiRateLimit implements ContainerRequestFilter {

  @Inject HazelcastRateLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      return; // refused by authentication anyway
    }
    var verdict = limits.tryAcquire(HazelcastRateLimits.Kind.API, digest(authorization));
    if (!verdict.allowed()) {
      request.abortWith(
          Response.fromResponse(
                  ErrorMappers.problem(
                      429,
                      "rate_limited",
                      "too many API calls: wait "
                          + verdict.retryAfterSeconds()
                          + " s and try again (nothing was done)"))
              .header("Retry-After", verdict.retryAfterSeconds())
              .build());
    }
  }

  /** Buckets are keyed by a digest, so tokens never sit in the cluster map. */
  private static String digest(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
