package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.AvatarView;
import io.parley.render.PageModels;
import io.parley.render.RoomViews;
import io.parley.render.Views;
import io.parley.security.SignedIn;
import io.parley.users.AccessToken;
import io.parley.users.AccessTokens;
import io.parley.users.Avatar;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The signed-in person's profile, and everyone's avatars.
 *
 * <pre>
 * GET  /profile               the form: display name, status line, avatar
 * POST /profile               save it (multipart, so the avatar can come along)
 * GET  /users/{id}/avatar     the uploaded image (404 when there is none: pages show initials)
 * </pre>
 */
@WebServlet(urlPatterns = {"/profile", "/profile/*", "/users/*"})
@MultipartConfig(maxFileSize = Avatar.MAX_BYTES, maxRequestSize = Avatar.MAX_BYTES + 16 * 1024)
public class ProfilePages extends HttpServlet {

  @Inject UserService users;
  @Inject AccessTokens tokens;
  @Inject io.parley.away.AwayEmails away;
  @Inject io.parley.away.AwayPushes pushes;
  @Inject io.parley.users.ThemeStore themes;
  @Inject io.parley.push.VapidKeys vapid;
  @Inject RoomViews views;
  @Inject Views templates;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedIn me = Requests.signedIn(req);
    if (req.getServletPath().equals("/profile")) {
      Requests.html(resp, 200, page(users.require(me.userId()), null, false));
      return;
    }
    String[] path = req.getPathInfo() == null ? new String[0] : req.getPathInfo().split("/");
    if (path.length != 3 || !path[2].equals("avatar")) {
      resp.sendError(404);
      return;
    }
    var avatar = users.avatar(path[1]);
    if (avatar.isEmpty()) {
      resp.sendError(404);
      return;
    }
    resp.setContentType(avatar.get().contentType());
    // The URL carries the version, so a changed avatar gets a new URL.
    resp.setHeader("Cache-Control", "private, max-age=31536000, immutable");
    resp.setHeader("Content-Disposition", "inline");
    resp.setContentLength(avatar.get().bytes().length);
    resp.getOutputStream().write(avatar.get().bytes());
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    req.setCharacterEncoding("UTF-8");
    SignedIn me = Requests.signedIn(req);
    if (!req.getServletPath().equals("/profile")) {
      resp.sendError(405);
      return;
    }
    if (req.getPathInfo() != null) {
      tokenForm(req, resp, me);
      return;
    }
    try {
      users.updateProfile(me.userId(), field(req, "displayName"), field(req, "status"));
      if ("on".equals(field(req, "removeAvatar"))) {
        users.removeAvatar(me.userId());
      } else {
        byte[] image = upload(req);
        if (image.length > 0) {
          users.setAvatar(me.userId(), image);
        }
      }
      Requests.html(resp, 200, page(users.require(me.userId()), null, true));
    } catch (DomainException e) {
      Requests.html(
          resp, Requests.status(e), page(users.require(me.userId()), e.getMessage(), false));
    } catch (IllegalStateException e) {
      tooLarge(resp, me);
    } catch (ServletException | IOException e) {
      if (e.getCause() instanceof IllegalStateException) {
        tooLarge(resp, me); // the container refused an upload over the limit
      } else {
        // a body the container could not read as a form: nothing was changed
        Requests.html(
            resp,
            400,
            page(users.require(me.userId()), "the form could not be read; nothing changed", false));
      }
    }
  }

  private void tooLarge(HttpServletResponse resp, SignedIn me) throws IOException {
    Requests.html(
        resp,
        413,
        page(
            users.require(me.userId()),
            "an avatar must be at most " + Avatar.MAX_BYTES / 1024 + " KiB",
            false));
  }

  private static String field(HttpServletRequest req, String name)
      throws IOException, ServletException {
    String value = req.getParameter(name);
    if (value != null || !isMultipart(req)) {
      return value;
    }
    Part part = req.getPart(name);
    return part == null
        ? null
        : new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static byte[] upload(HttpServletRequest req) throws IOException, ServletException {
    if (!isMultipart(req)) {
      return new byte[0];
    }
    Part part = req.getPart("avatar");
    if (part == null || part.getSize() == 0) {
      return new byte[0];
    }
    try (InputStream in = part.getInputStream()) {
      return in.readNBytes(Avatar.MAX_BYTES + 1);
    }
  }

  private static boolean isMultipart(HttpServletRequest req) {
    String type = req.getContentType();
    return type != null && type.toLowerCase().startsWith("multipart/form-data");
  }

  /** {@code /profile/tokens} makes a token (shown once), {@code /profile/tokens/{id}/revoke}. */
  private void tokenForm(HttpServletRequest req, HttpServletResponse resp, SignedIn me)
      throws IOException {
    String path = req.getPathInfo();
    User user = users.require(me.userId());
    try {
      if (path.equals("/push")) {
        jakarta.json.JsonObject json;
        jakarta.json.JsonObject keys;
        try {
          json = jakarta.json.Json.createReader(req.getReader()).readObject();
          keys = json.getJsonObject("keys");
        } catch (jakarta.json.JsonException | ClassCastException e) {
          throw DomainException.invalid("that is not a push subscription");
        }
        pushes.subscribe(
            me.userId(),
            json.getString("endpoint", null),
            keys == null ? null : keys.getString("p256dh", null),
            keys == null ? null : keys.getString("auth", null),
            json.getString("label", null));
        resp.setStatus(204);
      } else if (path.matches("/push/[A-Za-z0-9_-]{1,64}/remove")) {
        pushes.remove(me.userId(), path.split("/")[2]);
        Requests.seeOther(resp, "/profile#devices");
      } else if (path.equals("/theme")) {
        themes.save(me.userId(), io.parley.users.Theme.of(req.getParameter("theme")));
        Requests.seeOther(resp, "/profile#appearance");
      } else if (path.equals("/notifications")) {
        away.choose(
            me.userId(),
            req.getParameter("email"),
            io.parley.away.EmailFrequency.of(req.getParameter("frequency")),
            "on".equals(req.getParameter("includeText")),
            "on".equals(req.getParameter("alsoEmailPushed")));
        Requests.seeOther(resp, "/profile?notifications=saved#notifications");
      } else if (path.equals("/tokens")) {
        var scopes =
            "post".equals(req.getParameter("scope"))
                ? java.util.EnumSet.of(AccessToken.Scope.READ, AccessToken.Scope.POST)
                : java.util.EnumSet.of(AccessToken.Scope.READ);
        String days = req.getParameter("days");
        var issued =
            tokens.create(
                me.userId(),
                me.userId(),
                req.getParameter("name"),
                scopes,
                days == null || !days.matches("\\d{1,3}") ? 0 : Integer.parseInt(days));
        Requests.html(resp, 200, page(user, null, false, issued.secret()));
      } else if (path.matches("/tokens/[0-9a-f]{16}/revoke")) {
        tokens.revoke(me.userId(), path.split("/")[2]);
        Requests.seeOther(resp, "/profile#tokens");
      } else {
        resp.sendError(404);
      }
    } catch (DomainException e) {
      Requests.html(resp, Requests.status(e), page(user, e.getMessage(), false));
    }
  }

  private String page(User user, String error, boolean saved) {
    return page(user, error, saved, null);
  }

  private String page(User user, String error, boolean saved, String issuedToken) {
    List<PageModels.TokenRow> rows =
        tokens.of(user.id(), user.id()).stream()
            .map(
                t ->
                    new PageModels.TokenRow(
                        t.id(),
                        t.name(),
                        t.scopes().contains(AccessToken.Scope.ADMIN)
                            ? "administer"
                            : t.scopes().contains(AccessToken.Scope.POST)
                                ? "read and post"
                                : "read",
                        DAY.format(t.createdAt()),
                        DAY.format(t.expiresAt()),
                        t.lastUsedAt() == null ? "never" : DAY.format(t.lastUsedAt())))
            .toList();
    return templates.page(
        Views.Page.PROFILE,
        new PageModels.ProfilePage(
            views.frame(user),
            AvatarView.of(user, user.displayName()),
            error,
            saved,
            UserService.MAX_NAME,
            UserService.MAX_STATUS,
            rows,
            issuedToken,
            notifications(user.id())));
  }

  private io.parley.render.LaterModels.NotificationChoices notifications(String userId) {
    var chosen = away.settingsOf(userId);
    return new io.parley.render.LaterModels.NotificationChoices(
        chosen.email(),
        chosen.frequency().label(),
        chosen.includeText(),
        chosen.alsoEmailPushed(),
        away.mailConfigured(),
        vapid.publicKey(),
        pushes.devices(userId).stream()
            .map(
                d ->
                    new io.parley.render.LaterModels.DeviceRow(
                        d.id(),
                        d.label(),
                        java.net.URI.create(d.endpoint()).getHost(),
                        DAY.format(d.createdAt())))
            .toList());
  }

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
          .withZone(java.time.ZoneOffset.UTC);
}
