package io.parley.web;

import io.parley.security.Authenticator;
import io.parley.security.DevSignIn;
import io.parley.security.InvalidTokenException;
import io.parley.security.OidcClient;
import io.parley.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.logging.Logger;

/**
 * Silent renewal: tokens live minutes, so a stolen cookie is worth little, and the page renews its
 * own while the person uses it. {@code POST /session/renew} with a valid, unrevoked cookie answers
 * a fresh token of the same sign-in session: from the IdP's refresh token with single sign-on, or
 * re-issued by the development sign-in. The answer says when to renew next. Without a valid cookie
 * (expired, even by a second; signed out; IdP session ended) it answers 401 and the page goes
 * through sign-in.
 */
@WebServlet(urlPatterns = SessionPages.PATH + "/renew")
public class SessionPages extends HttpServlet {

  static final String PATH = "/session";
  private static final Logger LOG = Logger.getLogger(SessionPages.class.getName());

  @Inject Authenticator authenticator;
  @Inject DevSignIn devSignIn;
  @Inject OidcClient oidc;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      SignedIn me =
          authenticator.authenticate(
              Authenticator.tokenFromCookies(Collections.list(req.getHeaders("Cookie")))
                  .orElse(null));
      if (!me.expiresAt().isAfter(java.time.Instant.now())) {
        // Verification forgives a little clock skew; renewal does not: a lapsed token is over.
        throw new InvalidTokenException("expired");
      }
      Duration lifetime = renew(req, resp, me);
      resp.setContentType("application/json");
      resp.setHeader("Cache-Control", "no-store");
      resp.getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("renewInSeconds", Math.max(10, lifetime.toSeconds() / 3))
                  .build()
                  .toString());
    } catch (InvalidTokenException e) {
      resp.setHeader("Cache-Control", "no-store");
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED, "sign in again");
    }
  }

  /** Sets the renewed cookie(s); returns the new token's lifetime. */
  private Duration renew(HttpServletRequest req, HttpServletResponse resp, SignedIn me)
      throws InvalidTokenException {
    String refreshToken = SsoPages.cookie(req, SsoPages.REFRESH_COOKIE);
    if (oidc.enabled() && refreshToken != null && !refreshToken.isBlank()) {
      OidcClient.Tokens tokens = oidc.refresh(refreshToken);
      SignedIn renewed = authenticator.authenticate(tokens.accessToken());
      if (!renewed.userId().equals(me.userId())) {
        LOG.warning("refresh token of another person in a cookie: refused");
        throw new InvalidTokenException("the renewed token names someone else");
      }
      Requests.setTokenCookie(req, resp, tokens.accessToken(), tokens.lifetime());
      resp.addCookie(
          SsoPages.refreshCookie(req, tokens.refreshToken(), SsoPages.REFRESH_COOKIE_SECONDS));
      if (tokens.idToken() != null) {
        // Kept current: sign-out hands it to the IdP as the logout hint.
        resp.addCookie(
            SsoPages.idTokenCookie(req, tokens.idToken(), SsoPages.REFRESH_COOKIE_SECONDS));
      }
      return tokens.lifetime();
    }
    var issuer = devSignIn.issuer();
    if (issuer.isEmpty() || me.sessionId() == null) {
      throw new InvalidTokenException("this sign-in cannot be renewed");
    }
    String token =
        issuer
            .get()
            .issue(
                me.user().username(), me.user().displayName(), me.user().groups(), me.sessionId());
    Requests.setTokenCookie(req, resp, token, issuer.get().lifetime());
    return issuer.get().lifetime();
  }
}
