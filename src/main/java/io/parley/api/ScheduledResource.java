package io.parley.api;

import io.parley.common.DomainException;
import io.parley.later.ScheduledMessage;
import io.parley.later.ScheduledMessages;
import io.parley.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Messages you scheduled to send later: sent at their time through the normal send path, with your
 * rights as they are then.
 */
@Path("me/scheduled")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduledResource {

  @Inject Caller caller;
  @Inject ScheduledMessages scheduled;

  /** A message to send at {@code sendAt} (ISO-8601 instant); {@code threadOf} for a reply. */
  public record NewScheduled(String roomId, Long threadOf, String body, String sendAt) {}

  /** A change: new text and/or time. */
  public record ScheduledChange(String body, String sendAt) {}

  public record ScheduledJson(
      String id,
      String roomId,
      long threadOf,
      String body,
      String sendAt,
      String createdAt,
      String failure) {
    static ScheduledJson of(ScheduledMessage m) {
      return new ScheduledJson(
          m.id(),
          m.roomId(),
          m.threadOf(),
          m.body(),
          m.sendAt().toString(),
          m.createdAt().toString(),
          m.failure());
    }
  }

  @GET
  @Operation(summary = "Your scheduled messages, soonest first (failed ones say why)")
  public List<ScheduledJson> mine() {
    return scheduled.list(caller.userId()).stream().map(ScheduledJson::of).toList();
  }

  @POST
  @Operation(summary = "Schedule a message")
  public Response create(NewScheduled request) {
    if (request == null || request.roomId() == null) {
      throw DomainException.invalid("roomId, body and sendAt are required");
    }
    ScheduledMessage m =
        scheduled.schedule(
            caller.userId(),
            request.roomId(),
            request.threadOf() == null ? 0 : request.threadOf(),
            request.body(),
            RemindersResource.instant(request.sendAt()));
    return Response.status(201).entity(ScheduledJson.of(m)).build();
  }

  @PATCH
  @Path("{id}")
  @Operation(summary = "Change a waiting message's text or time")
  public ScheduledJson change(@PathParam("id") String id, ScheduledChange change) {
    ScheduledMessage now = scheduled.get(caller.userId(), id);
    if (change == null) {
      throw DomainException.invalid("give body and/or sendAt");
    }
    return ScheduledJson.of(
        scheduled.edit(
            caller.userId(),
            id,
            change.body() == null ? now.body() : change.body(),
            change.sendAt() == null ? now.sendAt() : RemindersResource.instant(change.sendAt())));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Cancel a scheduled message (or delete a failed one)")
  public Response cancel(@PathParam("id") String id) {
    scheduled.cancel(caller.userId(), id);
    return Response.noContent().build();
  }
}
