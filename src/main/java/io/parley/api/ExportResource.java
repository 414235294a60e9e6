package io.parley.api;

import io.parley.render.ArchiveFormat;
import io.parley.render.Archives;
import io.parley.search.MessageArchive;
import io.parley.users.Roles;
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
    return stream(archives, caller.userId(), format, archives.room(caller.userId(), roomId));
  }

  @GET
  @Path("people/{username}")
  @Operation(summary = "Everything a person wrote, oldest first (administrators)")
  public Response person(
      @PathParam("username") String username, @QueryParam("format") String format) {
    return stream(archives, caller.userId(), format, archives.person(caller.userId(), username));
  }

  /** A download written as it is read (also for {@link MyExportResource}). */
  static Response stream(
      Archives archives, String viewer, String requested, Archives.Export export) {
    String format = ArchiveFormat.format(requested);
    StreamingOutput body =
        os -> {
          var writer = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
          archives.write(export, format, writer, viewer);
        };
    return Response.ok(body, ArchiveFormat.contentType(format))
        .header(
            "Content-Disposition", "attachment; filename=\"" + export.attachmentName(format) + "\"")
        .build();
  }
}
