package io.parley.api;

import io.parley.api.ApiModels.ChangeMode;
import io.parley.api.ApiModels.Moderate;
import io.parley.api.ApiModels.RoomJson;
import io.parley.api.ApiModels.SlowMode;
import io.parley.common.DomainException;
import io.parley.rooms.Moderation;
import io.parley.rooms.RoomMode;
import io.parley.rooms.RoomModeration;
import io.parley.rooms.RoomService;
import io.parley.users.Roles;
import io.parley.users.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Room moderation: only the room's owner and moderators, and global moderators (403 else). (Rooted
 * at "/" like {@link RoomsResource}: JAX-RS picks one root class per request by its path, so a
 * class at "rooms/{roomId}" would hide that class's "rooms/{roomId}/join".)
 */
@Path("/")
@RequestScoped
@RolesAllowed(Roles.USER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {

  @Inject Caller caller;
  @Inject RoomService rooms;
  @Inject UserService users;

  @POST
  @Path("rooms/{roomId}/moderation")
  @Operation(
      summary =
          "Mute or ban (for some minutes or until lifted), unmute, kick, unban, promote or demote")
  public Response moderate(@PathParam("roomId") String roomId, Moderate request) {
    if (request == null || request.action() == null || request.username() == null) {
      throw DomainException.invalid("body must be {action, username}");
    }
    Moderation action = parse(Moderation.class, request.action(), "action");
    String target = users.requireByUsername(request.username()).id();
    rooms
        .moderation()
        .moderate(
            caller.userId(),
            roomId,
            target,
            action,
            RoomModeration.moderationLength(request.seconds(), request.minutes()),
            request.reason());
    return Response.noContent().build();
  }

  @POST
  @Path("rooms/{roomId}/archive")
  @Operation(
      summary = "Archive a room (read-only, hidden from the directory, history kept) or restore it",
      description = "The room's owner and admins (403 otherwise).")
  public RoomJson archive(@PathParam("roomId") String roomId, ApiModels.Archive request) {
    if (request == null || request.archived() == null) {
      throw DomainException.invalid("body must be {archived: true|false}");
    }
    return RoomJson.of(rooms.lifecycle().archive(caller.userId(), roomId, request.archived()));
  }

  @jakarta.ws.rs.DELETE
  @Path("rooms/{roomId}")
  @Operation(
      summary = "Delete a room for everyone (confirm with its name)",
      description =
          "?confirm= must repeat the room's name. The room's owner and admins. Its members lose"
              + " it at once on every node; the room is not found from then on.")
  public Response delete(
      @PathParam("roomId") String roomId, @jakarta.ws.rs.QueryParam("confirm") String confirm) {
    rooms.lifecycle().delete(caller.userId(), roomId, confirm);
    return Response.noContent().build();
  }

  @POST
  @Path("rooms/{roomId}/slow-mode")
  @Operation(summary = "Space one person's messages by some seconds (0 turns slow mode off)")
  public RoomJson slowMode(@PathParam("roomId") String roomId, SlowMode request) {
    if (request == null || request.seconds() == null) {
      throw DomainException.invalid("body must be {seconds}");
    }
    return RoomJson.of(rooms.settings().setSlowMode(caller.userId(), roomId, request.seconds()));
  }

  @POST
  @Path("rooms/{roomId}/mode")
  @Operation(summary = "Make the room open to every member, or read-only for all but moderators")
  public RoomJson mode(@PathParam("roomId") String roomId, ChangeMode request) {
    if (request == null || request.mode() == null) {
      throw DomainException.invalid("body must be {mode}");
    }
    return RoomJson.of(
        rooms
            .settings()
            .setMode(caller.userId(), roomId, parse(RoomMode.class, request.mode(), "mode")));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("unknown " + what + ": " + value);
    }
  }
}
