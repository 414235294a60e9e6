package io.parley.web;

import io.parley.emoji.CustomEmojis;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /emoji/{name}}: a custom emoji's picture (a PNG Parley drew), to people signed in; 404
 * once it was removed, so old messages show its {@code :name:} instead.
 */
@WebServlet(urlPatterns = "/emoji/*")
public class EmojiPictures extends HttpServlet {

  @Inject CustomEmojis emoji;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    var picture = emoji.picture(name);
    if (picture.isEmpty()) {
      resp.sendError(404);
      return;
    }
    resp.setContentType("image/png");
    resp.setHeader("Cache-Control", "private, max-age=3600");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setContentLength(picture.get().length);
    resp.getOutputStream().write(picture.get());
  }
}
