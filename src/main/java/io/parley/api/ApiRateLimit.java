package io.parley.api;

import io.parley.common.RateLimits;
import io.parley.security.SignedIn;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * API calls per person, cluster-wide: over the limit a call gets 429 with {@code Retry-After} and
 * does nothing. Runs after authentication and keys the bucket by the verified subject, so neither a
 * second token nor the same token written differently ({@code bearer}, extra spaces) gets a fresh
 * bucket.
 */
@Provider
@Priority(Priorities.USER)
public class ApiRateLimit implements ContainerRequestFilter {

  @Inject RateLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    String caller = caller(request);
    if (caller == null) {
      return; // no identity: refused by authentication anyway
    }
    var verdict = limits.tryAcquire(RateLimits.Kind.API, caller);
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

  /** Whose call this is: the subject the authentication mechanism verified. */
  private static String caller(ContainerRequestContext request) {
    // In a servlet container, the request's properties are its servlet attributes.
    return request.getProperty(SignedIn.REQUEST_ATTRIBUTE) instanceof SignedIn signedIn
        ? "sub:" + signedIn.userId()
        : null;
  }
}
