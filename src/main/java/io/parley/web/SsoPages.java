package io.parley.web;

import io.parley.render.PageModels;
import io.parley.render.Views;
import io.parley.security.Authenticator;
import io.parley.security.InvalidTokenException;
import io.parley.security.OidcClient;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Single sign-on for browsers, when an identity provider is configured.
 *
 * <pre>
 * GET /sign-in/sso        starts a login: a short-lived cookie remembers state, nonce and PKCE
 *                         verifier; the browser goes to the IdP's login page
 * GET /sign-in/callback   the IdP sends the browser back with a code; it is traded for tokens,
 *                         the access token becomes the session cookie
 * </pre>
 */
@WebServlet(urlPatterns = {"/sign-in/sso", "/sign-in/callback"})
public class SsoPages extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(SsoPages.class.getName());
  static final String ATTEMPT_COOKIE = "parley_oidc";
  static final String ID_COOKIE = "parley_id";
  static final String NEXT_COOKIE = "parley_next";
  static final String REFRESH_COOKIE = "parley_refresh";

  /** The refresh cookie's own life; the IdP decides how long the refresh token really works. */
  static final int REFRESH_COOKIE_SECONDS = 24 * 3600;

  @Inject OidcClient oidc;
  @Inject Authenticator authenticator;
  @Inject io.parley.security.AuthAudit authAudit;
  @Inject Views templates;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!oidc.enabled()) {
      resp.sendError(404);
      return;
    }
    if (req.getServletPath().equals("/sign-in/sso")) {
      OidcClient.Attempt attempt = oidc.begin();
      resp.addCookie(attemptCookie(req, attempt.encode(), 600));
      resp.addCookie(nextCookie(req, Requests.localPath(req.getParameter("next")), 600));
      resp.sendRedirect(oidc.authorizationUrl(attempt, callbackUrl(req)));
      return;
    }
    resp.addCookie(attemptCookie(req, "", 0));
    var attempt =
        OidcClient.Attempt.decode(cookie(req, ATTEMPT_COOKIE))
            .filter(a -> same(a.state(), req.getParameter("state")));
    if (attempt.isEmpty()) {
      failed(resp, "This sign-in link is stale or was not started here. Please sign in again.");
      return;
    }
    if (req.getParameter("error") != null || req.getParameter("code") == null) {
      failed(resp, "The identity provider did not sign you in.");
      return;
    }
    try {
      OidcClient.Tokens tokens =
          oidc.finish(attempt.get(), req.getParameter("code"), callbackUrl(req));
      var who = authenticator.authenticate(tokens.accessToken()); // creates or refreshes the user
      authAudit.signedIn(who.userId(), "single sign-on", req.getRemoteAddr());
      Requests.setTokenCookie(req, resp, tokens.accessToken(), tokens.lifetime());
      resp.addCookie(idTokenCookie(req, tokens.idToken(), REFRESH_COOKIE_SECONDS));
      if (tokens.refreshToken() != null) {
        resp.addCookie(refreshCookie(req, tokens.refreshToken(), REFRESH_COOKIE_SECONDS));
      }
      Requests.seeOther(resp, Requests.localPath(cookie(req, NEXT_COOKIE)));
    } catch (InvalidTokenException e) {
      LOG.log(Level.WARNING, "single sign-on failed: " + e.getMessage());
      failed(resp, "Signing in failed: " + e.getMessage() + ". Please try again.");
    }
  }

  private void failed(HttpServletResponse resp, String message) throws IOException {
    Requests.html(
        resp,
        400,
        templates.page(
            Views.Page.SIGN_IN, new PageModels.SignInPage("/rooms", false, true, message, "")));
  }

  static String callbackUrl(HttpServletRequest req) {
    String scheme = Requests.secure(req) ? "https" : req.getScheme();
    int port = req.getServerPort();
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme
        + "://"
        + req.getServerName()
        + (defaultPort ? "" : ":" + port)
        + "/sign-in/callback";
  }

  /** The ID token, sent only to sign-out, which passes it to the IdP as logout hint. */
  static Cookie idTokenCookie(HttpServletRequest req, String idToken, int maxAge) {
    return cookie(req, ID_COOKIE, idToken, "/sign-out", maxAge);
  }

  /** The IdP's refresh token, sent only to the renewal endpoint. */
  static Cookie refreshCookie(HttpServletRequest req, String refreshToken, int maxAge) {
    return cookie(req, REFRESH_COOKIE, refreshToken, SessionPages.PATH, maxAge);
  }

  private static Cookie nextCookie(HttpServletRequest req, String path, int maxAge) {
    return cookie(req, NEXT_COOKIE, path, "/sign-in", maxAge);
  }

  private static Cookie attemptCookie(HttpServletRequest req, String value, int maxAge) {
    return cookie(req, ATTEMPT_COOKIE, value, "/sign-in", maxAge);
  }

  /**
   * A cookie of the sign-in flow: HttpOnly, Secure over HTTPS, and SameSite=Lax, because the IdP's
   * redirect back is a top-level GET from another site.
   */
  private static Cookie cookie(
      HttpServletRequest req, String name, String value, String path, int maxAge) {
    Cookie cookie = new Cookie(name, value);
    cookie.setHttpOnly(true);
    cookie.setSecure(Requests.secure(req));
    cookie.setPath(path);
    cookie.setMaxAge(maxAge);
    cookie.setAttribute("SameSite", "Lax");
    return cookie;
  }

  static String cookie(HttpServletRequest req, String name) {
    return req.getCookies() == null
        ? null
        : Arrays.stream(req.getCookies())
            .filter(c -> c.getName().equals(name))
            .map(Cookie::getValue)
            .findFirst()
            .orElse(null);
  }

  private static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
