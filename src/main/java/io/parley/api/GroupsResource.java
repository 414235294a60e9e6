package io.parley.api;

import io.parley.users.Roles;
import io.parley.users.User;
import io.parley.users.UserGroup;
import io.parley.users.UserGroups;
import io.parley.users.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * User groups for {@code @handle} mentions: everyone lists them; administrators and global
 * moderators make and fill local ones; administrators map identity provider groups.
 */
@Path("groups")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupsResource {

  @Inject Caller caller;
  @Inject UserGroups groups;
  @Inject UserService users;

  /** A new group: a handle, a name, and for a mapped group the identity provider's group. */
  public record NewGroup(String handle, String name, String idpGroup) {}

  /** A group as listed: members' usernames for a local group; none listed for a mapped one. */
  public record GroupJson(String handle, String name, String idpGroup, List<String> members) {}

  @GET
  @Operation(summary = "Every group people can mention")
  public List<GroupJson> all() {
    List<UserGroup> all = groups.all();
    Map<String, User> people =
        users.byIds(all.stream().flatMap(g -> g.memberIds().stream()).distinct().toList());
    return all.stream().map(g -> json(g, people)).toList();
  }

  @POST
  @Operation(summary = "Make a group (administrators, global moderators; mapped: administrators)")
  public Response create(NewGroup request) {
    if (request == null) {
      throw io.parley.common.DomainException.invalid("body must be {handle, name[, idpGroup]}");
    }
    UserGroup made =
        groups.create(caller.userId(), request.handle(), request.name(), request.idpGroup());
    return Response.status(201).entity(json(made, Map.of())).build();
  }

  @PUT
  @Path("{handle}/members/{username}")
  @Operation(summary = "Add someone to a local group")
  public GroupJson add(@PathParam("handle") String handle, @PathParam("username") String username) {
    UserGroup g = groups.setMember(caller.userId(), handle, username, true);
    return json(g, users.byIds(g.memberIds()));
  }

  @DELETE
  @Path("{handle}/members/{username}")
  @Operation(summary = "Take someone out of a local group")
  public GroupJson remove(
      @PathParam("handle") String handle, @PathParam("username") String username) {
    UserGroup g = groups.setMember(caller.userId(), handle, username, false);
    return json(g, users.byIds(g.memberIds()));
  }

  @DELETE
  @Path("{handle}")
  @Operation(summary = "Delete a group")
  public Response delete(@PathParam("handle") String handle) {
    groups.delete(caller.userId(), handle);
    return Response.noContent().build();
  }

  private static GroupJson json(UserGroup g, Map<String, User> people) {
    List<String> members =
        g.memberIds().stream()
            .map(people::get)
            .filter(java.util.Objects::nonNull)
            .map(User::username)
            .sorted()
            .toList();
    return new GroupJson(g.handle(), g.name(), g.idpGroup(), members);
  }
}
