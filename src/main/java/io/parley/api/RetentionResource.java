package io.parley.api;

import io.parley.common.DomainException;
import io.parley.retention.Hold;
import io.parley.retention.RetentionRun;
import io.parley.retention.RetentionService;
import io.parley.search.MessageIndex;
import io.parley.search.SearchIndexer;
import io.parley.users.Roles;
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

/** Retention, legal holds and this node's search index, for administrators. */
@Path("admin")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

  @Inject Caller caller;
  @Inject RetentionService retention;
  @Inject UserService users;
  @Inject SearchIndexer indexer;
  @Inject MessageIndex index;

  /** A room's retention: days, 0 for forever, null for the default. */
  public record Days(Integer days) {}

  /** Why a hold is placed (a case or matter reference). */
  public record HoldRequest(String reason) {}

  public record HoldJson(String on, String targetId, String placedBy, String at, String reason) {}

  public record Settings(int defaultDays, Map<String, Integer> rooms, List<HoldJson> holds) {}

  public record IndexJson(long documents, int backlog, long applied) {}

  @GET
  @Path("retention")
  @Operation(summary = "Retention settings: the default, rooms with their own, and legal holds")
  public Settings settings() {
    return new Settings(
        retention.defaultDays(),
        retention.roomDays(),
        retention.holds().stream()
            .map(
                h ->
                    new HoldJson(
                        h.kind().name().toLowerCase(),
                        h.targetId(),
                        h.placedBy(),
                        h.at().toString(),
                        h.reason()))
            .toList());
  }

  @PUT
  @Path("retention/rooms/{roomId}")
  @Operation(summary = "Set a room's retention in days (0 = forever, null = the default)")
  public Settings setRoom(@PathParam("roomId") String roomId, Days request) {
    retention.setRoomDays(caller.userId(), roomId, request == null ? null : request.days());
    return settings();
  }

  @POST
  @Path("retention/run")
  @Operation(summary = "Run retention now on this node (it also runs on its own, hourly)")
  public RetentionRun run() {
    return retention.runNow(caller.userId());
  }

  @PUT
  @Path("holds/rooms/{roomId}")
  @Operation(summary = "Place a legal hold on a room: nothing in it is deleted while it stands")
  public Settings holdRoom(@PathParam("roomId") String roomId, HoldRequest request) {
    retention.place(caller.userId(), Hold.Kind.ROOM, roomId, reason(request));
    return settings();
  }

  @DELETE
  @Path("holds/rooms/{roomId}")
  @Operation(summary = "Lift a room's legal hold")
  public Settings liftRoom(@PathParam("roomId") String roomId) {
    retention.lift(caller.userId(), Hold.Kind.ROOM, roomId);
    return settings();
  }

  @PUT
  @Path("holds/people/{username}")
  @Operation(summary = "Place a legal hold on a person: nothing they wrote is deleted")
  public Settings holdPerson(@PathParam("username") String username, HoldRequest request) {
    retention.place(
        caller.userId(), Hold.Kind.PERSON, users.requireByUsername(username).id(), reason(request));
    return settings();
  }

  @DELETE
  @Path("holds/people/{username}")
  @Operation(summary = "Lift a person's legal hold")
  public Settings liftPerson(@PathParam("username") String username) {
    retention.lift(caller.userId(), Hold.Kind.PERSON, users.requireByUsername(username).id());
    return settings();
  }

  @GET
  @Path("search")
  @Operation(summary = "This node's search index: documents, events waiting, events applied")
  public IndexJson searchIndex() {
    return new IndexJson(index.size(), indexer.backlog(), indexer.applied());
  }

  @POST
  @Path("search/rebuild")
  @Operation(summary = "Rebuild this node's search index from the store (runs in the background)")
  public Response rebuild() {
    indexer.rebuild();
    return Response.accepted(searchIndex()).build();
  }

  private static String reason(HoldRequest request) {
    if (request == null || request.reason() == null) {
      throw DomainException.invalid("body must be {reason}");
    }
    return request.reason();
  }
}
