package io.parley.web;

import io.parley.common.DomainException;
import io.parley.files.FileService;
import io.parley.files.StoredFile;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Shared files, streamed to those who may read the room they were shared in (404 to anyone else):
 * {@code GET /files/{id}[?download=1]}. Only Parley's own thumbnails and common raster images are
 * shown inline; everything else is a download. Every answer says {@code nosniff} and carries a
 * policy that lets nothing in it run.
 */
@WebServlet(urlPatterns = "/files/*")
public class FilePages extends HttpServlet {

  private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif");

  @Inject FileService files;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    var me = Requests.signedIn(req);
    String info = req.getPathInfo();
    try {
      if (info == null || info.length() < 2 || info.indexOf('/', 1) >= 0) {
        throw DomainException.notFound("no such file");
      }
      StoredFile file = files.readable(me.userId(), info.substring(1));
      // Kept by the browser but asked about each time: a deleted file, or one whose reader left
      // the room, stops showing at once; an unchanged one costs a 304 (a file never changes).
      String etag = "\"" + file.id() + "\"";
      resp.setHeader("Cache-Control", "private, no-cache");
      resp.setHeader("ETag", etag);
      if (etag.equals(req.getHeader("If-None-Match"))) {
        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
      boolean inline = INLINE.contains(file.contentType()) && req.getParameter("download") == null;
      resp.setContentType(inline ? file.contentType() : "application/octet-stream");
      resp.setContentLengthLong(file.size());
      resp.setHeader(
          "Content-Disposition",
          (inline ? "inline" : "attachment")
              + "; filename*=UTF-8''"
              + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"));
      resp.setHeader("X-Content-Type-Options", "nosniff");
      resp.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
      files.copy(file, resp.getOutputStream());
    } catch (DomainException e) {
      resp.sendError(Requests.status(e), e.getMessage());
    }
  }
}
