package io.parley.web;

import io.parley.security.AccessWithdrawnException;
import io.parley.security.Authenticator;
import io.parley.security.InvalidTokenException;
import io.parley.security.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Optional;

/**
 * The caller of every request, established once by the container (Jakarta Security): the token of
 * the {@code Authorization: Bearer} header (API, bots' sockets) or of the session cookie (pages,
 * the browser's socket) is verified by MicroProfile JWT's settings ({@code mp.jwt.verify.*}: RS256,
 * issuer, audience, keys) plus expiry, sign-out and withdrawn access. The verified caller is left
 * in the request ({@link SignedIn#REQUEST_ATTRIBUTE}) for the adapters. Where the container decides
 * by role (the API's {@code @RolesAllowed}, the admin pages' constraint) it is told who it is and
 * which of Parley's roles ({@code user}, {@code moderator}, {@code admin}) the token's groups give.
 *
 * <p>Without a valid token the request goes on unauthenticated: pages and the socket send people to
 * sign in, the API answers 401 with {@code WWW-Authenticate: Bearer}. A person whose access was
 * withdrawn is told so (403).
 */
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

  @Inject Authenticator authenticator;
  @Inject io.parley.security.SecuritySettings settings;
  @Inject io.parley.security.AuthAudit authAudit;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    Optional<String> token =
        authorization != null
            ? Authenticator.tokenFromAuthorization(authorization)
            : Authenticator.tokenFromCookies(Collections.list(request.getHeaders("Cookie")));
    try {
      if (token.isEmpty()) {
        throw new InvalidTokenException("no token");
      }
      SignedIn me = authenticator.authenticate(token.get());
      request.setAttribute(SignedIn.REQUEST_ATTRIBUTE, me);
      if (!context.isProtected() && !isApi(request)) {
        // Pages and the socket check the signed-in person themselves; telling the container costs
        // an LTPA token (an RSA signature) per request, a tenth of a socket handshake's CPU.
        return context.doNothing();
      }
      return context.notifyContainerAboutLogin(
          new CallerPrincipal(me.userId()), settings.roles().containerRoles(me.user().groups()));
    } catch (AccessWithdrawnException e) {
      request.setAttribute(AccessWithdrawnException.class.getName(), e.getMessage());
      authAudit.refused(client(request), e.getMessage());
      return context.doNothing();
    } catch (InvalidTokenException e) {
      if (token.isPresent()) {
        authAudit.refused(client(request), e.getMessage());
      }
      // The API answers 401 itself (api.SignInRequired); pages and the socket send to sign-in.
      return context.isProtected() && !isApi(request)
          ? context.redirect("/sign-in")
          : context.doNothing();
    }
  }

  /** The client's address (this runs before the filters that see through a trusted proxy). */
  private String client(HttpServletRequest request) {
    return settings
        .trustedProxies()
        .clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.equals("/api") || path.startsWith("/api/");
  }
}
