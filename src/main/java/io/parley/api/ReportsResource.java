package io.parley.api;

import io.parley.api.ApiModels.HandleReport;
import io.parley.api.ApiModels.ReportJson;
import io.parley.common.DomainException;
import io.parley.reports.Report;
import io.parley.reports.ReportService;
import io.parley.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The reports queue (404 for people who moderate nothing) and one's own reports. */
@Path("reports")
@RequestScoped
@RolesAllowed(Roles.USER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

  @Inject Caller caller;
  @Inject ReportService reports;

  @GET
  @Operation(summary = "Open reports in the rooms you moderate, oldest first")
  public List<ReportJson> queue() {
    return reports.queue(caller.userId()).stream().map(ReportJson::of).toList();
  }

  @GET
  @Path("mine")
  @Operation(summary = "Your own reports and what became of them, newest first")
  public List<ReportJson> mine() {
    return reports.mine(caller.userId(), 100).stream().map(ReportJson::of).toList();
  }

  @POST
  @Path("handle")
  @Operation(
      summary = "Handle an open report: dismiss, delete the message, mute or ban its author",
      description = "minutes: how long a mute or ban lasts (absent: until lifted).")
  public ReportJson handle(HandleReport request) {
    if (request == null || request.id() == null || request.action() == null) {
      throw DomainException.invalid("body must be {id, action}");
    }
    Report.Action action;
    try {
      action = Report.Action.valueOf(request.action().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("unknown action: " + request.action());
    }
    return ReportJson.of(
        reports.handle(
            caller.userId(),
            request.id(),
            action,
            io.parley.rooms.RoomModeration.moderationLength(null, request.minutes()),
            request.note()));
  }
}
