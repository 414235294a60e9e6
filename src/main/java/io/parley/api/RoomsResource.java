package io.parley.api;

import io.parley.api.ApiModels.CreateRoom;
import io.parley.api.ApiModels.OpenDirect;
import io.parley.api.ApiModels.RoomJson;
import io.parley.api.ApiModels.RoomList;
import io.parley.common.DomainException;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.users.Roles;
import io.parley.users.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Rooms: list mine or the public ones, create, join, open a direct conversation. */
@Path("/")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomsResource {

  @Inject Caller caller;
  @Inject RoomService rooms;
  @Inject UserService users;

  @GET
  @Path("rooms")
  @Operation(summary = "The caller's rooms, or with scope=public the public rooms")
  public RoomList list(@QueryParam("scope") String scope) {
    if (scope != null && !scope.equals("public") && !scope.equals("mine")) {
      throw DomainException.invalid("scope must be mine or public");
    }
    if ("public".equals(scope)) {
      rooms.access().refuseGuest(caller.userId(), "browse the public rooms");
    }
    var found =
        "public".equals(scope)
            ? rooms.listings().publicRooms()
            : rooms.listings().roomsOf(caller.userId());
    return new RoomList(found.stream().map(RoomJson::of).toList());
  }

  @POST
  @Path("rooms")
  @Operation(summary = "Create a public or private room owned by the caller")
  public Response create(CreateRoom request) {
    if (request == null) {
      throw DomainException.invalid("body must be a JSON object with name and type");
    }
    RoomType type = parseType(request.type());
    return Response.status(201)
        .entity(RoomJson.of(rooms.lifecycle().create(caller.userId(), request.name(), type)))
        .build();
  }

  @POST
  @Path("rooms/{roomId}/join")
  @Operation(summary = "Join a public room")
  public RoomJson join(@PathParam("roomId") String roomId) {
    rooms.memberships().join(caller.userId(), roomId);
    return RoomJson.of(rooms.access().visible(caller.userId(), roomId));
  }

  /** New settings: either may be absent (unchanged); a blank topic removes it. */
  public record RoomSettings(String name, String topic) {}

  @jakarta.ws.rs.PATCH
  @Path("rooms/{roomId}")
  @Operation(summary = "Rename a room or set its topic (its owner, moderators and admins)")
  public io.parley.api.ApiModels.RoomJson settings(
      @PathParam("roomId") String roomId, RoomSettings request) {
    if (request == null || (request.name() == null && request.topic() == null)) {
      throw io.parley.common.DomainException.invalid("body must be {name?, topic?}");
    }
    io.parley.rooms.Room room = null;
    if (request.name() != null) {
      room = rooms.lifecycle().rename(caller.userId(), roomId, request.name());
    }
    if (request.topic() != null) {
      room = rooms.lifecycle().setTopic(caller.userId(), roomId, request.topic());
    }
    return io.parley.api.ApiModels.RoomJson.of(room);
  }

  /** What the caller wants to hear about a room: default, all, mentions or nothing. */
  public record NotifyChoice(String level) {}

  @jakarta.ws.rs.PUT
  @Path("rooms/{roomId}/notify")
  @Operation(summary = "Your notifications for a room: default, all, mentions or nothing (mute)")
  public java.util.Map<String, String> notify(@PathParam("roomId") String roomId, NotifyChoice c) {
    var level = io.parley.rooms.Notify.of(c == null ? null : c.level());
    rooms.memberships().setNotify(caller.userId(), roomId, level);
    return java.util.Map.of("roomId", roomId, "level", level.name().toLowerCase());
  }

  /** Who to add to a room. */
  public record AddMember(String username) {}

  @POST
  @Path("rooms/{roomId}/members")
  @Operation(
      summary = "Add someone to a room (its owner and moderators; the way into a private room)",
      description = "201 when added, 200 when already a member; their open pages get the room live")
  public Response addMember(@PathParam("roomId") String roomId, AddMember request) {
    if (request == null || request.username() == null || request.username().isBlank()) {
      throw io.parley.common.DomainException.invalid("body must be {username}");
    }
    String target = users.requireByUsername(request.username().strip()).id();
    boolean was = rooms.access().isMember(target, roomId);
    rooms.memberships().addMember(caller.userId(), roomId, target);
    return Response.status(was ? 200 : 201)
        .entity(java.util.Map.of("roomId", roomId, "userId", target, "added", !was))
        .build();
  }

  @POST
  @Path("rooms/{roomId}/leave")
  @Operation(summary = "Leave a room (not a one-to-one conversation)")
  public Response leave(@PathParam("roomId") String roomId) {
    rooms.memberships().leave(caller.userId(), roomId);
    return Response.noContent().build();
  }

  @POST
  @Path("direct")
  @Operation(summary = "Open (or find) the direct conversation with the given usernames")
  public RoomJson direct(OpenDirect request) {
    if (request == null || request.usernames() == null) {
      throw DomainException.invalid("body must be a JSON object with usernames");
    }
    List<String> ids =
        request.usernames().stream().map(u -> users.requireByUsername(u).id()).toList();
    return RoomJson.of(rooms.lifecycle().openDirect(caller.userId(), ids));
  }

  private static RoomType parseType(String type) {
    String value = type == null ? "public" : type.toLowerCase(Locale.ROOT);
    return switch (value) {
      case "public" -> RoomType.PUBLIC;
      case "private" -> RoomType.PRIVATE;
      default -> throw DomainException.invalid("type must be public or private");
    };
  }
}
