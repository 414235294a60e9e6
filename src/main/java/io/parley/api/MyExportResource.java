package io.parley.api;

import io.parley.render.Archives;
import io.parley.search.MessageArchive;
import io.parley.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A person's export of their own messages. */
@Path("me")
@RequestScoped
@RolesAllowed(Roles.USER)
public class MyExportResource {

  @Inject Caller caller;
  @Inject MessageArchive archive;
  @Inject Archives archives;

  @GET
  @Path("export")
  @Operation(summary = "Everything you wrote, oldest first (format=jsonl|html)")
  public Response mine(@QueryParam("format") String format) {
    return ExportResource.stream(archives, caller.userId(), format, archives.mine(caller.userId()));
  }
}
