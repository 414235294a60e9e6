package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.ArchiveFormat;
import io.parley.render.Archives;
import io.parley.search.MessageArchive;
import io.parley.security.SignedIn;
import io.parley.users.UserService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;

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

  @Inject MessageArchive archive;
  @Inject Archives archives;
  @Inject UserService users;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedIn me = Requests.signedIn(req);
    String format = ArchiveFormat.format(req.getParameter("format"));
    String[] path = (req.getPathInfo() == null ? "" : req.getPathInfo()).split("/");
    boolean admin = req.getServletPath().startsWith("/admin");
    try {
      if (!admin && path.length == 2 && path[1].equals("mine")) {
        download(
            resp,
            format,
            "parley-my-messages",
            "Messages by " + me.user().displayName(),
            me,
            out -> archive.person(me.userId(), me.userId(), format, out));
      } else if (admin && users.isAdministrator(me.userId()) && path.length == 3) {
        if (path[1].equals("rooms")) {
          download(
              resp,
              format,
              "parley-room-" + path[2],
              "Room " + path[2],
              me,
              out -> archive.room(me.userId(), path[2], format, out));
        } else if (path[1].equals("people")) {
          var person = users.requireByUsername(path[2]);
          download(
              resp,
              format,
              "parley-messages-" + person.username(),
              "Messages by " + person.displayName(),
              me,
              out -> archive.person(me.userId(), person.id(), format, out));
        } else {
          resp.sendError(404);
        }
      } else {
        resp.sendError(404); // admin exports do not exist for anyone else
      }
    } catch (DomainException e) {
      resp.sendError(Requests.status(e), e.getMessage());
    }
  }

  private void download(
      HttpServletResponse resp,
      String format,
      String fileName,
      String title,
      SignedIn me,
      Consumer<io.parley.messaging.ArchiveSink> export)
      throws IOException {
    resp.setStatus(200);
    resp.setCharacterEncoding("UTF-8");
    resp.setContentType(ArchiveFormat.contentType(format));
    resp.setHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
            + "."
            + format
            + "\"");
    PrintWriter out = resp.getWriter();
    try (ArchiveFormat writer = archives.open(format, out, title, me.userId())) {
      export.accept(writer);
    }
  }
}
