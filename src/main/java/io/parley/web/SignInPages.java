package io.parley.web;

import io.parley.common.DomainException;
import io.parley.common.Text;
import io.parley.render.PageModels;
import io.parley.render.Views;
import io.parley.security.AuthAudit;
import io.parley.security.Authenticator;
import io.parley.security.DevSignIn;
import io.parley.security.DevTokenIssuer;
import io.parley.security.OidcClient;
import io.parley.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sign-in and sign-out. With the development sign-in on, a typed name becomes a signed token in an
 * HttpOnly cookie, and the public key is served at {@code /.well-known/jwks.json}; with it off,
 * these pages say so and point at the company's identity provider.
 */
@WebServlet(urlPatterns = {"/sign-in", "/sign-out", "/.well-known/jwks.json"})
public class SignInPages extends HttpServlet {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

  @Inject DevSignIn devSignIn;
  @Inject OidcClient oidc;
  @Inject Authenticator authenticator;
  @Inject AuthAudit authAudit;
  @Inject Views templates;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<DevTokenIssuer> issuer = devSignIn.issuer();
    if (req.getServletPath().equals("/.well-known/jwks.json")) {
      if (issuer.isEmpty()) {
        resp.sendError(404);
        return;
      }
      resp.setContentType("application/json");
      resp.getWriter().write(issuer.get().publicJwks());
      return;
    }
    String next = Requests.localPath(req.getParameter("next"));
    boolean revoked = req.getParameter("revoked") != null;
    if (oidc.enabled() && req.getParameter("next") != null && !revoked) {
      // Coming back from an expired session: with single sign-on this is usually silent.
      Requests.seeOther(resp, "/sign-in/sso?next=" + next);
      return;
    }
    Requests.html(
        resp,
        200,
        page(
            issuer.isPresent(),
            revoked ? "Your access to Parley was withdrawn. Ask an administrator." : null,
            "",
            next));
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    req.setCharacterEncoding("UTF-8");
    if (req.getServletPath().equals("/sign-out")) {
      // The session ends everywhere: its token is refused from now on, its sockets close.
      SignedIn who = (SignedIn) req.getAttribute(SignedIn.REQUEST_ATTRIBUTE);
      Authenticator.tokenFromCookies(Collections.list(req.getHeaders("Cookie")))
          .ifPresent(authenticator::signOut);
      if (who != null) {
        authAudit.signedOut(who.userId(), req.getRemoteAddr());
      }
      resp.addCookie(SsoPages.refreshCookie(req, "", 0));
      Cookie cookie = new Cookie(Authenticator.COOKIE, "");
      cookie.setPath("/");
      cookie.setMaxAge(0);
      cookie.setHttpOnly(true);
      resp.addCookie(cookie);
      // With single sign-on, end the IdP session too, or the next sign-in would be silent.
      String idToken = SsoPages.cookie(req, SsoPages.ID_COOKIE);
      resp.addCookie(SsoPages.idTokenCookie(req, "", 0));
      Requests.seeOther(
          resp,
          oidc.enabled()
              ? oidc.logoutUrl(
                      SsoPages.callbackUrl(req).replace("/sign-in/callback", "/sign-in"), idToken)
                  .orElse("/sign-in")
              : "/sign-in");
      return;
    }
    Optional<DevTokenIssuer> issuer = devSignIn.issuer();
    if (issuer.isEmpty() || !req.getServletPath().equals("/sign-in")) {
      resp.sendError(404);
      return;
    }
    String typed = req.getParameter("name");
    try {
      String displayName = Text.requireName(typed, "name", 60);
      String username = usernameOf(displayName);
      List<String> groups = devSignIn.groupsFor(req.getParameter("role"));
      String token = issuer.get().issue(username, displayName, groups);
      try {
        authAudit.signedIn(
            authenticator.authenticate(token).userId(), "development", req.getRemoteAddr());
      } catch (io.parley.security.InvalidTokenException e) {
        // access withdrawn: the pages say so on the next request, as for any token
      }
      Requests.setTokenCookie(req, resp, token, issuer.get().lifetime());
      Requests.seeOther(resp, Requests.localPath(req.getParameter("next")));
    } catch (DomainException e) {
      Requests.html(
          resp,
          400,
          page(true, e.getMessage(), typed, Requests.localPath(req.getParameter("next"))));
    }
  }

  /** "Ada Lovelace" signs in as ada.lovelace. */
  static String usernameOf(String displayName) {
    String username =
        displayName.toLowerCase(Locale.ROOT).replaceAll("\\s+", ".").replaceAll("[^a-z0-9._-]", "");
    if (!USERNAME.matcher(username).matches()) {
      throw DomainException.invalid(
          "use 2-32 letters, digits, spaces, '.', '_' or '-' (starting with a letter or digit)");
    }
    return username;
  }

  private String page(boolean devEnabled, String error, String name, String next) {
    return templates.page(
        Views.Page.SIGN_IN,
        new PageModels.SignInPage(next, devEnabled, oidc.enabled(), error, name));
  }
}
