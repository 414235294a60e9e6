package io.parley.web;

import io.parley.away.AwayEmails;
import io.parley.render.LaterModels;
import io.parley.render.PageModels;
import io.parley.render.Views;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The unsubscribe link of every email, no sign-in needed: its token is signed for one person.
 * {@code GET} asks (a mail scanner that follows links unsubscribes nobody); {@code POST} does it,
 * which is also what a mail client's one-click unsubscribe sends (RFC 8058).
 */
@WebServlet(urlPatterns = "/unsubscribe/*")
public class UnsubscribePages extends HttpServlet {

  @Inject AwayEmails away;
  @Inject Views templates;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String token = token(req);
    boolean valid = away.unsubscribeTokenValid(token);
    page(
        resp,
        valid ? 200 : 404,
        new LaterModels.UnsubscribePage(PageModels.Frame.SIGNED_OUT, token, valid, false));
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String token = token(req);
    boolean done = away.unsubscribe(token);
    page(
        resp,
        done ? 200 : 404,
        new LaterModels.UnsubscribePage(PageModels.Frame.SIGNED_OUT, token, done, done));
  }

  private void page(HttpServletResponse resp, int status, LaterModels.UnsubscribePage model)
      throws IOException {
    resp.setHeader("Cache-Control", "no-store");
    Requests.html(resp, status, templates.page(Views.Page.UNSUBSCRIBE, model));
  }

  private static String token(HttpServletRequest req) {
    String path = req.getPathInfo();
    return path == null ? "" : path.substring(1);
  }
}
