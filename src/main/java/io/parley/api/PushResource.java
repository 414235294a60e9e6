package io.parley.api;

import io.parley.away.AwayPushes;
import io.parley.away.PushSubscription;
import io.parley.common.DomainException;
import io.parley.push.VapidKeys;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Your devices with push notifications (Web Push subscriptions). */
@Path("me/push")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PushResource {

  @Inject Caller caller;
  @Inject AwayPushes pushes;
  @Inject VapidKeys vapid;

  /** The Push API's subscription JSON ({@code endpoint}, {@code keys}) and a device label. */
  public record Subscribe(String endpoint, Keys keys, String label) {
    public record Keys(String p256dh, String auth) {}
  }

  public record DeviceJson(String id, String label, String endpointHost, String createdAt) {
    static DeviceJson of(PushSubscription s) {
      return new DeviceJson(
          s.id(), s.label(), java.net.URI.create(s.endpoint()).getHost(), s.createdAt().toString());
    }
  }

  @GET
  @Operation(summary = "Your devices with push notifications, and the server's VAPID key")
  public Response mine() {
    return Response.ok(
            java.util.Map.of(
                "vapidPublicKey",
                vapid.publicKey(),
                "devices",
                pushes.devices(caller.userId()).stream().map(DeviceJson::of).toList()))
        .build();
  }

  @POST
  @Operation(summary = "Turn push notifications on for a browser (its PushSubscription JSON)")
  public Response subscribe(Subscribe request) {
    if (request == null || request.keys() == null) {
      throw DomainException.invalid("endpoint and keys (p256dh, auth) are required");
    }
    PushSubscription s =
        pushes.subscribe(
            caller.userId(),
            request.endpoint(),
            request.keys().p256dh(),
            request.keys().auth(),
            request.label());
    return Response.status(201).entity(DeviceJson.of(s)).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Turn push notifications off for a device")
  public Response remove(@PathParam("id") String id) {
    pushes.remove(caller.userId(), id);
    return Response.noContent().build();
  }
}
