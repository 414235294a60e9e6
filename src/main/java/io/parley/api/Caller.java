package io.parley.api;

import io.parley.security.Authenticator;
import io.parley.security.InvalidTokenException;
import io.parley.security.SignedIn;
import io.parley.users.UserClaims;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The user behind the Bearer token of the current API call. */
@RequestScoped
public class Caller {

  @Inject JsonWebToken jwt;
  @Inject Authenticator authenticator;

  private SignedIn signedIn;

  public SignedIn get() {
    if (signedIn == null) {
      Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
      UserClaims claims =
          new UserClaims(
              jwt.getSubject(),
              jwt.getClaim(Claims.preferred_username.name()),
              jwt.getClaim(Claims.upn.name()),
              jwt.getClaim("name"),
              groups);
      String sid = jwt.getClaim("sid");
      try {
        signedIn =
            authenticator.signedIn(
                claims,
                sid != null && !sid.isBlank() ? sid : jwt.getTokenID(),
                Instant.ofEpochSecond(jwt.getIssuedAtTime()),
                Instant.ofEpochSecond(jwt.getExpirationTime()));
      } catch (InvalidTokenException e) {
        throw new NotAuthorizedException(e.getMessage(), "Bearer");
      }
    }
    return signedIn;
  }

  public String userId() {
    return get().userId();
  }
}
