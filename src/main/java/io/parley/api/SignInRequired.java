package io.parley.api;

import io.parley.security.AccessWithdrawnException;
import io.parley.security.SignedIn;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API call needs the caller the authentication mechanism verified; before anything else (even
 * before the path is matched, so strangers learn nothing about it) a call without one gets 401 with
 * {@code WWW-Authenticate: Bearer}, and a person whose access was withdrawn 403.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class SignInRequired implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    // In a servlet container, the request's properties are its servlet attributes.
    if (request.getProperty(SignedIn.REQUEST_ATTRIBUTE) != null) {
      return;
    }
    if (request.getProperty(AccessWithdrawnException.class.getName()) != null) {
      request.abortWith(
          ErrorMappers.problem(403, "forbidden", "your access to Parley was withdrawn"));
      return;
    }
    request.abortWith(
        Response.fromResponse(
                ErrorMappers.problem(401, "unauthorized", "sign in first: send a Bearer token"))
            .header("WWW-Authenticate", "Bearer realm=\"parley\"")
            .build());
  }
}
