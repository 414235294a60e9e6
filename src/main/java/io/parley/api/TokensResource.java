package io.parley.api;

import io.parley.common.DomainException;
import io.parley.users.AccessToken;
import io.parley.users.AccessTokens;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Personal access tokens ({@code /api/me/tokens}; bots' in {@link BotsResource}). Managed only with
 * a sign-in token of the identity provider: an access token cannot make, list or revoke tokens.
 */
@Path("me/tokens")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {

  @Inject Caller caller;
  @Inject AccessTokens tokens;

  /** What to make: a name, scopes ("read", "post") and a lifetime in days (default 90). */
  public record NewToken(String name, List<String> scopes, Integer days) {}

  /** A token as listed: never its secret. */
  public record TokenJson(
      String id,
      String userId,
      String name,
      List<String> scopes,
      String createdAt,
      String expiresAt,
      String lastUsedAt) {
    static TokenJson of(AccessToken t) {
      return new TokenJson(
          t.id(),
          t.userId(),
          t.name(),
          t.scopes().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList(),
          t.createdAt().toString(),
          t.expiresAt().toString(),
          t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
    }
  }

  /** A token just made: {@code token} is the string to use as {@code Bearer}, shown this once. */
  public record IssuedJson(String token, TokenJson details) {}

  @GET
  @Operation(summary = "Your personal access tokens (never their secrets), with their last use")
  public List<TokenJson> mine() {
    return tokens.of(caller.signedInPerson(), caller.userId()).stream().map(TokenJson::of).toList();
  }

  @POST
  @Operation(
      summary = "Make a personal access token",
      description =
          "Scopes: read; read and post. Answers the token once; only its hash is kept. It acts as"
              + " you through the API and the socket, never with your administrator role.")
  public Response create(NewToken request) {
    return issued(
        tokens.create(
            caller.signedInPerson(),
            caller.userId(),
            name(request),
            scopes(request),
            days(request)));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke one of your tokens (or, administrators, a bot's): it stops at once")
  public Response revoke(@PathParam("id") String id) {
    tokens.revoke(caller.signedInPerson(), id);
    return Response.noContent().build();
  }

  static Response issued(AccessTokens.Issued issued) {
    return Response.status(201)
        .entity(new IssuedJson(issued.secret(), TokenJson.of(issued.token())))
        .build();
  }

  static String name(NewToken request) {
    return request == null ? null : request.name();
  }

  static int days(NewToken request) {
    return request == null || request.days() == null ? 90 : request.days();
  }

  static Set<AccessToken.Scope> scopes(NewToken request) {
    EnumSet<AccessToken.Scope> scopes = EnumSet.noneOf(AccessToken.Scope.class);
    if (request != null && request.scopes() != null) {
      for (String s : request.scopes()) {
        switch (String.valueOf(s).toLowerCase(Locale.ROOT)) {
          case "read" -> scopes.add(AccessToken.Scope.READ);
          case "post" -> scopes.addAll(EnumSet.of(AccessToken.Scope.READ, AccessToken.Scope.POST));
          case "admin" -> scopes.addAll(EnumSet.allOf(AccessToken.Scope.class));
          default -> throw DomainException.invalid("scopes are \"read\", \"post\" and \"admin\"");
        }
      }
    }
    return scopes;
  }
}
