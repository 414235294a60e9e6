package io.parley.api;

import io.parley.common.DomainException;
import io.parley.render.ArchiveFormat;
import io.parley.render.Archives;
import io.parley.search.MessageArchive;
import io.parley.users.Roles;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Administrators' exports, streamed as JSON Lines (default) or a readable HTML archive. */
@Path("admin/export")
@RequestScoped
@RolesAllowed(Roles.USER)
public class ExportResource {

  @Inject Caller caller;
  @Inject MessageArchive archive;
  @Inject Archives archives;
  @Inject UserService users;

  @GET
  @Path("rooms/{roomId}")
  @Operation(summary = "A room's whole history in order (administrators)")
  public Response room(@PathParam("roomId") String roomId, @QueryParam("format") String format) {
    requireAdmin();
    String me = caller.userId();
    return stream(
        format,
        "parley-room-" + roomId,
        "Room " + roomId,
        (f, out) -> archive.room(me, roomId, f, out));
  }

  @GET
  @Path("people/{username}")
  @Operation(summary = "Everything a person wrote, oldest first (administrators)")
  public Response person(
      @PathParam("username") String username, @QueryParam("format") String format) {
    requireAdmin();
    User person = users.requireByUsername(username);
    String me = caller.userId();
    return stream(
        format,
        "parley-messages-" + person.username(),
        "Messages by " + person.displayName(),
        (f, out) -> archive.person(me, person.id(), f, out));
  }

  /** Refused before the download starts, so the caller gets a status, not a cut stream. */
  private void requireAdmin() {
    if (!users.isAdministrator(caller.userId())) {
      throw DomainException.forbidden(
          "only administrators export rooms and other people's messages");
    }
  }

  private Response stream(
      String requested,
      String fileName,
      String title,
      BiConsumer<String, io.parley.messaging.ArchiveSink> export) {
    return stream(archives, caller.userId(), requested, fileName, title, export);
  }

  /** A download written as it is read (also for {@link MyExportResource}). */
  static Response stream(
      Archives archives,
      String viewer,
      String requested,
      String fileName,
      String title,
      BiConsumer<String, io.parley.messaging.ArchiveSink> export) {
    String format = ArchiveFormat.format(requested);
    StreamingOutput body =
        os -> {
          var writer = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
          try (ArchiveFormat out = archives.open(format, writer, title, viewer)) {
            export.accept(format, out);
          }
        };
    return Response.ok(body, ArchiveFormat.contentType(format))
        .header(
            "Content-Disposition",
            "attachment; filename=\""
                + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                + "."
                + format
                + "\"")
        .build();
  }
}
