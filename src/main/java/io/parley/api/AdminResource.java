package io.parley.api;

import io.parley.audit.AuditLog;
import io.parley.users.Roles;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What global administrators (members of an admin group at the IdP) do; others get 403. */
@Path("admin")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

  @Inject Caller caller;
  @Inject UserService users;
  @Inject AuditLog audit;
  @Inject io.parley.presence.ConnectionLog connections;
  @Inject io.parley.common.StoreBackups backups;

  @POST
  @Path("store/backup")
  @Operation(
      summary = "Back up the embedded store now, while Parley runs",
      description =
          "A consistent copy of the whole store as it was at one moment, written to"
              + " <data dir>/backups (restore with ops/restore.sh). 409 on a real MongoDB: back"
              + " it up with mongodump or its snapshots.")
  public io.parley.common.StoreBackups.Backup backup() {
    var backup =
        backups
            .take()
            .orElseThrow(
                () ->
                    io.parley.common.DomainException.conflict(
                        "this node runs on MongoDB (MONGO_URI): back it up with mongodump or the"
                            + " database's snapshots"));
    audit.record(
        new io.parley.audit.AuditEntry(
            java.time.Instant.now(),
            "store.backup",
            caller.get().user().id(),
            null,
            null,
            null,
            java.util.Map.of("file", backup.file(), "bytes", Long.toString(backup.bytes()))));
    return backup;
  }

  /** One socket's record. */
  public record ConnectionJson(
      String id,
      String node,
      String client,
      String openedAt,
      String closedAt,
      Integer closeCode,
      String closeReason) {}

  @GET
  @Path("users/{username}/connections")
  @Operation(
      summary = "A person's latest sockets, newest first (limit 1-500, default 50)",
      description =
          "Node, client address, opened and closed times, close code and reason; kept for"
              + " parley.connections.retention-days.")
  public java.util.List<ConnectionJson> connections(
      @PathParam("username") String username, @QueryParam("limit") Integer limit) {
    User user = users.requireByUsername(username);
    int n = limit == null ? 50 : Math.max(1, Math.min(500, limit));
    return connections.recent(user.id(), n).stream()
        .map(
            r ->
                new ConnectionJson(
                    r.id(),
                    r.node(),
                    r.client(),
                    r.openedAt().toString(),
                    r.closedAt() == null ? null : r.closedAt().toString(),
                    r.closeCode(),
                    r.closeReason()))
        .toList();
  }

  /** A person's access, after the change. */
  public record Access(String username, boolean disabled) {}

  @POST
  @Path("users/{username}/disable")
  @Operation(summary = "Withdraw a person's access: tokens refused, sockets closed everywhere")
  public Access disable(@PathParam("username") String username) {
    User user = users.setDisabled(caller.get().user(), username, true);
    return new Access(user.username(), user.disabled());
  }

  @POST
  @Path("users/{username}/enable")
  @Operation(summary = "Give a person their access back")
  public Access enable(@PathParam("username") String username) {
    User user = users.setDisabled(caller.get().user(), username, false);
    return new Access(user.username(), user.disabled());
  }

  /** One act of the audit log. */
  public record AuditJson(
      String at,
      String action,
      String actorId,
      String targetId,
      String roomId,
      String reason,
      java.util.Map<String, String> detail) {}

  @GET
  @Path("audit")
  @Operation(summary = "The audit log, newest first (limit 1-500, default 100)")
  public java.util.List<AuditJson> audit(@QueryParam("limit") Integer limit) {
    int n = limit == null ? 100 : Math.max(1, Math.min(500, limit));
    return audit.latest(n).stream()
        .map(
            e ->
                new AuditJson(
                    e.at().toString(),
                    e.action(),
                    e.actorId(),
                    e.targetId(),
                    e.roomId(),
                    e.reason(),
                    e.detail()))
        .toList();
  }
}
