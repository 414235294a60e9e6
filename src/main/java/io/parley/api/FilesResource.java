package io.parley.api;

import io.parley.api.ApiModels.FileJson;
import io.parley.files.FileService;
import io.parley.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Uploading a file to share in a room: the request body is the file (streamed into the store),
 * {@code name} its name. Post a message with its id in {@code files} to share it; download it from
 * the {@code url} it answers with.
 */
@Path("rooms/{roomId}/files")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class FilesResource {

  @Inject Caller caller;
  @Inject FileService files;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Upload a file to attach to your next message in the room",
      description = "Answers 201 with the file's id; 400 when it is over the size limit.")
  public Response upload(
      @PathParam("roomId") String roomId,
      @QueryParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    var stored = files.upload(caller.userId(), roomId, name, contentType, body);
    return Response.status(201).entity(FileJson.of(stored.attachment())).build();
  }
}
