package io.parley.api;

import io.parley.users.Roles;
import io.parley.users.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who the token belongs to, as Parley knows them. */
@Path("me")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject Caller caller;

  /** The caller's user record. */
  public record Me(String id, String username, String displayName) {}

  @GET
  @Operation(summary = "The caller's user record (created from the token's claims)")
  public Me me() {
    User user = caller.get().user();
    return new Me(user.id(), user.username(), user.displayName());
  }
}
