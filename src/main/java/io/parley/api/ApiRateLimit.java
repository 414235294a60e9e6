package io.parley.api;

import io.parley.cluster.HazelcastRateLimits;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * API calls per person, cluster-wide: over the limit a call gets 429 with {@code Retry-After} and
 * does nothing. Runs after authentication and keys the bucket by the verified subject, so neither a
 * second token nor the same token written differently ({@code bearer}, extra spaces) gets a fresh
 * bucket.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ApiRateLimit implements ContainerRequestFilter {

  @Inject HazelcastRateLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal caller = request.getSecurityContext().getUserPrincipal();
    if (caller == null) {
      return; // refused by authentication anyway
    }
    String subject =
        caller instanceof JsonWebToken jwt && jwt.getSubject() != null
            ? jwt.getSubject()
            : caller.getName();
    var verdict = limits.tryAcquire(HazelcastRateLimits.Kind.API, "sub:" + subject);
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
}
