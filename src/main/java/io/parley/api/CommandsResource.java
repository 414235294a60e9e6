package io.parley.api;

import io.parley.integrations.CustomCommand;
import io.parley.integrations.CustomCommands;
import io.parley.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Custom slash commands (administrators): each calls a URL and answers its caller only. */
@Path("admin/commands")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommandsResource {

  @Inject Caller caller;
  @Inject CustomCommands commands;

  public record NewCommand(String name, String description, String url) {}

  public record CommandJson(String name, String description, String url, String createdAt) {
    static CommandJson of(CustomCommand c) {
      return new CommandJson(c.name(), c.description(), c.url(), c.createdAt().toString());
    }
  }

  /** A command just made: {@code secret} signs its calls, shown this once. */
  public record IssuedJson(CommandJson command, String secret) {}

  @GET
  @Operation(summary = "The custom commands")
  public List<CommandJson> all() {
    return commands.all().stream().map(CommandJson::of).toList();
  }

  @POST
  @Operation(
      summary = "Add a command for everyone",
      description =
          "Its URL follows the outgoing webhooks' rules; the signing secret is answered once")
  public Response create(NewCommand request) {
    if (request == null) {
      throw io.parley.common.DomainException.invalid("body must be {name, description, url}");
    }
    var issued =
        commands.create(
            caller.signedInPerson(), request.name(), request.description(), request.url());
    return Response.status(201)
        .entity(new IssuedJson(CommandJson.of(issued.command()), issued.secret()))
        .build();
  }

  @DELETE
  @Path("{name}")
  @Operation(summary = "Remove a command")
  public Response delete(@PathParam("name") String name) {
    commands.delete(caller.signedInPerson(), name);
    return Response.noContent().build();
  }
}
