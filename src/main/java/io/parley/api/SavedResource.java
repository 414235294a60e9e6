package io.parley.api;

import io.parley.later.SavedMessages;
import io.parley.render.MessageRefs;
import io.parley.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Your saved messages: private to you, shown only while you may read their rooms. */
@Path("me/saved")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class SavedResource {

  @Inject Caller caller;
  @Inject SavedMessages saved;
  @Inject MessageRefs refs;

  /** A saved message: where it is, who wrote it, the start of its text, its link. */
  public record SavedJson(
      String roomId,
      long seq,
      String room,
      String sender,
      String excerpt,
      String url,
      String savedAt) {}

  @GET
  @Operation(summary = "Your saved messages, newest saved first")
  public List<SavedJson> mine() {
    return saved.list(caller.userId()).stream()
        .map(
            s -> {
              var ref = refs.of(s.message(), caller.userId());
              return new SavedJson(
                  ref.roomId(),
                  ref.seq(),
                  ref.room(),
                  ref.sender(),
                  ref.excerpt(),
                  ref.url(),
                  s.entry().savedAt().toString());
            })
        .toList();
  }

  @PUT
  @Path("{roomId}/{seq}")
  @Operation(summary = "Save a message you may read (saving it again changes nothing)")
  public Response save(@PathParam("roomId") String roomId, @PathParam("seq") long seq) {
    saved.save(caller.userId(), roomId, seq);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{roomId}/{seq}")
  @Operation(summary = "Remove a message from your saved ones")
  public Response remove(@PathParam("roomId") String roomId, @PathParam("seq") long seq) {
    saved.remove(caller.userId(), roomId, seq);
    return Response.noContent().build();
  }
}
