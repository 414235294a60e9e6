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
import java.security.Principal;
import java.util.HexFormat;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * API calls per person, cluster-wide: over the limit a call gets 429 with {@code Retry-After} and
 * does nothing. Runs after authentication and keys the bucket by the verified subject, so neither a
 * second token nor the same token written differently ({@code bearer}, extra spaces) gets a fresh
 * bucket.
 */
@Provider
@Priority(Priorities.USER)
public class ApiRateLimit implements ContainerRequestFilter {

  @Inject HazelcastRateLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    String caller = caller(request);
    if (caller == null) {
      return; // no identity: refused by authentication anyway
    }
    var verdict = limits.tryAcquire(HazelcastRateLimits.Kind.API, caller);
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

  /**
   * Whose call this is: the verified subject. Should the container not have set a principal yet,
   * the token itself, however its scheme is written (the resource will verify it), as a digest so
   * tokens never sit in the cluster map.
   */
  private static String caller(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
      return "sub:" + jwt.getSubject();
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      return null;
    }
    String[] parts = header.strip().split("\\s+");
    return "token:" + digest(parts[parts.length - 1]);
  }

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
