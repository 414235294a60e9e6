package io.parley.api;

import io.parley.security.SignedIn;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * A personal access token with only the read scope may read: any call that would change something
 * (every method but GET, HEAD and OPTIONS) is refused with 403 before it runs.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class TokenScopes implements ContainerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getProperty(SignedIn.REQUEST_ATTRIBUTE) instanceof SignedIn signedIn
        && !signedIn.mayWrite()
        && !READS.contains(request.getMethod())) {
      request.abortWith(
          ErrorMappers.problem(
              403, "read_only_token", "this access token may only read: make one that may post"));
    }
  }
}
