package io.parley.api;

import io.parley.api.ApiModels.MessageJson;
import io.parley.api.ApiModels.MessageList;
import io.parley.api.ApiModels.PostMessage;
import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.messaging.HistoryQuery;
import io.parley.messaging.MessagePage;
import io.parley.messaging.MessageService;
import io.parley.messaging.SendResult;
import io.parley.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A room's messages: history pages and idempotent posting. */
@Path("rooms/{roomId}/messages")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagesResource {

  @Inject Caller caller;
  @Inject MessageService messages;

  @GET
  @Operation(summary = "A page of history: the newest, those before a seq, or those after a seq")
  public MessageList history(
      @PathParam("roomId") String roomId,
      @QueryParam("before") String before,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit) {
    HistoryQuery query =
        new HistoryQuery(
            number(before, "before"),
            number(after, "after"),
            limit == null ? HistoryQuery.DEFAULT_LIMIT : number(limit, "limit").intValue());
    MessagePage page = messages.history(caller.userId(), roomId, query);
    return new MessageList(page.messages().stream().map(MessageJson::of).toList(), page.hasOlder());
  }

  @POST
  @Operation(
      summary = "Post a message",
      description =
          "Answers 201 once the message is stored. A retry with the same clientMsgId stores nothing"
              + " and answers 200 with the original message.")
  public Response post(@PathParam("roomId") String roomId, PostMessage request) {
    if (request == null) {
      throw DomainException.invalid("body must be a JSON object with body and clientMsgId");
    }
    String clientMsgId = request.clientMsgId() == null ? Ids.newId() : request.clientMsgId();
    SendResult result =
        messages.send(caller.userId(), roomId, request.body(), clientMsgId, request.metadata());
    return Response.status(result.duplicate() ? 200 : 201)
        .entity(MessageJson.of(result.message()))
        .build();
  }

  private static Long number(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(name + " must be a whole number");
    }
  }
}
