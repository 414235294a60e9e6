package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.ArchiveFormat;
import io.parley.render.Archives;
import io.parley.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Exports as downloads, streamed message by message.
 *
 * <pre>
 * GET /export/mine?format=jsonl|html                    everything I wrote
 * GET /admin/export/rooms/{id}?format=jsonl|html        a room's history (admins; 404 otherwise)
 * GET /admin/export/people/{username}?format=jsonl|html everything a person wrote (admins)
 * </pre>
 */
@WebServlet(urlPatterns = {"/export/*", "/admin/export/*"})
public class ExportPages extends HttpServlet {

  @Inject Archives archives;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedIn me = Requests.signedIn(req);
    String format = ArchiveFormat.format(req.getParameter("format"));
    String[] path = (req.getPathInfo() == null ? "" : req.getPathInfo()).split("/");
    boolean admin = req.getServletPath().startsWith("/admin");
    Archives.Export export;
    try {
      if (!admin && path.length == 2 && path[1].equals("mine")) {
        export = archives.mine(me.userId());
      } else if (admin && path.length == 3 && path[1].equals("rooms")) {
        export = archives.room(me.userId(), path[2]);
      } else if (admin && path.length == 3 && path[1].equals("people")) {
        export = archives.person(me.userId(), path[2]);
      } else {
        resp.sendError(404);
        return;
      }
    } catch (DomainException e) {
      // Admin exports do not exist for anyone else: a refusal there is a 404, as for the console.
      boolean hidden = admin && e.kind() == DomainException.Kind.FORBIDDEN;
      resp.sendError(hidden ? 404 : Requests.status(e), e.getMessage());
      return;
    }
    resp.setStatus(200);
    resp.setCharacterEncoding("UTF-8");
    resp.setContentType(ArchiveFormat.contentType(format));
    resp.setHeader(
        "Content-Disposition", "attachment; filename=\"" + export.attachmentName(format) + "\"");
    archives.write(export, format, resp.getWriter(), me.userId());
  }
}
