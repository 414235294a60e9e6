package io.parley.api;

import io.parley.emoji.CustomEmoji;
import io.parley.emoji.CustomEmojis;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Custom emoji ({@code /api/emoji}): everyone lists them; administrators add ({@code POST ?name=})
 * and remove them (403 for anyone else).
 */
@Path("emoji")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
public class EmojiResource {

  @Inject Caller caller;
  @Inject CustomEmojis emoji;

  public record EmojiJson(
      String name, String code, String url, String createdBy, String createdAt) {
    static EmojiJson of(CustomEmoji e) {
      return new EmojiJson(
          e.name(),
          ":" + e.name() + ":",
          "/emoji/" + e.name(),
          e.createdBy(),
          e.createdAt().toString());
    }
  }

  @GET
  @Operation(summary = "The custom emoji, usable as :name: in messages and as reactions")
  public List<EmojiJson> all() {
    return emoji.all().stream().map(EmojiJson::of).toList();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Add a custom emoji (administrators)",
      description = "The body is a PNG or GIF of at most 256 KiB; it is drawn anew at most 64×64.")
  public Response add(@QueryParam("name") String name, InputStream body) throws IOException {
    byte[] picture = body.readNBytes(CustomEmojis.MAX_BYTES + 1);
    return Response.status(201)
        .entity(EmojiJson.of(emoji.add(caller.signedInPerson(), name, picture)))
        .build();
  }

  @DELETE
  @Path("{name}")
  @Operation(summary = "Remove a custom emoji; old messages show its :name: instead")
  public Response remove(@PathParam("name") String name) {
    emoji.remove(caller.signedInPerson(), name);
    return Response.noContent().build();
  }
}
