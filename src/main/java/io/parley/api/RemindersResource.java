package io.parley.api;

import io.parley.common.DomainException;
import io.parley.later.Reminder;
import io.parley.later.Reminders;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Your reminders about messages: fired once, at their time, on every page you have open. */
@Path("me/reminders")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RemindersResource {

  @Inject Caller caller;
  @Inject Reminders reminders;

  /** What to be reminded of and when (an ISO-8601 instant, e.g. 2026-12-24T08:30:00Z). */
  public record NewReminder(String roomId, Long seq, String at) {}

  public record ReminderJson(
      String id, String roomId, long seq, String dueAt, String createdAt, String firedAt) {
    static ReminderJson of(Reminder r) {
      return new ReminderJson(
          r.id(),
          r.roomId(),
          r.seq(),
          r.dueAt().toString(),
          r.createdAt().toString(),
          r.firedAt() == null ? null : r.firedAt().toString());
    }
  }

  @GET
  @Operation(summary = "Your reminders, waiting and fired (fired ones stay 7 days)")
  public List<ReminderJson> mine() {
    return reminders.list(caller.userId()).stream().map(ReminderJson::of).toList();
  }

  @POST
  @Operation(summary = "Be reminded of a message at a time")
  public Response create(NewReminder request) {
    if (request == null || request.roomId() == null || request.seq() == null) {
      throw DomainException.invalid("roomId, seq and at are required");
    }
    Reminder r =
        reminders.remind(caller.userId(), request.roomId(), request.seq(), instant(request.at()));
    return Response.status(201).entity(ReminderJson.of(r)).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Cancel a waiting reminder or dismiss a fired one")
  public Response cancel(@PathParam("id") String id) {
    reminders.cancel(caller.userId(), id);
    return Response.noContent().build();
  }

  static Instant instant(String at) {
    try {
      return Instant.parse(at == null ? "" : at.strip());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("at must be an instant like 2026-12-24T08:30:00Z");
    }
  }
}
