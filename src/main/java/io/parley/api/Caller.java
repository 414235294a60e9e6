package io.parley.api;

import io.parley.security.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

/**
 * The user behind the Bearer token of the current API call, as the authentication mechanism
 * verified it (web.TokenAuthentication): groups from the token, session not signed out.
 */
@RequestScoped
public class Caller {

  @Inject HttpServletRequest request;

  public SignedIn get() {
    if (request.getAttribute(SignedIn.REQUEST_ATTRIBUTE) instanceof SignedIn signedIn) {
      return signedIn;
    }
    throw new NotAuthorizedException("sign in first", "Bearer");
  }

  public String userId() {
    return get().userId();
  }

  /** The caller, if they came with the identity provider's token (tokens cannot make tokens). */
  public String signedInPerson() {
    if (get().accessToken() != null) {
      throw io.parley.common.DomainException.forbidden(
          "access tokens cannot manage tokens: sign in");
    }
    return userId();
  }
}
