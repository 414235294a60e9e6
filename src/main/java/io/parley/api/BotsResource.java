package io.parley.api;

import io.parley.users.AccessTokens;
import io.parley.users.Roles;
import io.parley.users.User;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Bot accounts and their tokens (administrators, signed in through the identity provider). */
@Path("admin/bots")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BotsResource {

  @Inject AccessTokens tokens;
  @Inject UserService users;
  @Inject Caller caller;

  public record NewBot(String name) {}

  public record BotJson(String id, String username, String name) {}

  @POST
  @Operation(summary = "Make a bot account (administrators); it acts through its tokens")
  public Response createBot(NewBot request) {
    User bot = tokens.createBot(caller.signedInPerson(), request == null ? null : request.name());
    return Response.status(201)
        .entity(new BotJson(bot.id(), bot.username(), bot.displayName()))
        .build();
  }

  @POST
  @Path("{username}/tokens")
  @Operation(summary = "Make a token for a bot account (administrators)")
  public Response createBotToken(
      @PathParam("username") String username, TokensResource.NewToken request) {
    String botId = users.requireByUsername(username).id();
    return TokensResource.issued(
        tokens.create(
            caller.signedInPerson(),
            botId,
            TokensResource.name(request),
            TokensResource.scopes(request),
            TokensResource.days(request)));
  }

  @GET
  @Path("{username}/tokens")
  @Operation(summary = "A bot account's tokens (administrators)")
  public List<TokensResource.TokenJson> botTokens(@PathParam("username") String username) {
    String botId = users.requireByUsername(username).id();
    return tokens.of(caller.signedInPerson(), botId).stream()
        .map(TokensResource.TokenJson::of)
        .toList();
  }

  @jakarta.ws.rs.PUT
  @Path("{username}/avatar")
  @Consumes({"image/png", "image/jpeg", "image/gif"})
  @Operation(
      summary = "Set a bot's avatar (administrators; any bot, a webhook's too)",
      description = "PNG, JPEG or GIF up to 64 KiB here, redrawn as a PNG like people's avatars")
  public BotJson avatar(@PathParam("username") String username, byte[] image) {
    caller.signedInPerson();
    User bot = users.requireByUsername(username);
    if (!bot.bot()) {
      throw io.parley.common.DomainException.forbidden("people choose their own avatars");
    }
    User updated = users.setAvatar(bot.id(), image == null ? new byte[0] : image);
    return new BotJson(updated.id(), updated.username(), updated.displayName());
  }
}
