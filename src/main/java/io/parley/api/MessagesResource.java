package io.parley.api;

import io.parley.api.ApiModels.ChangeMessage;
import io.parley.api.ApiModels.EditJson;
import io.parley.api.ApiModels.MessageJson;
import io.parley.api.ApiModels.MessageList;
import io.parley.api.ApiModels.PostMessage;
import io.parley.api.ApiModels.ReportJson;
import io.parley.api.ApiModels.ThreadJson;
import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.files.FileService;
import io.parley.messaging.Attachment;
import io.parley.messaging.HistoryQuery;
import io.parley.messaging.MessagePage;
import io.parley.messaging.MessageService;
import io.parley.messaging.NewMessage;
import io.parley.messaging.SendResult;
import io.parley.metrics.ChatMetrics;
import io.parley.reports.ReportService;
import io.parley.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
  @Inject FileService files;
  @Inject ReportService reports;
  @Inject ChatMetrics metrics;

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
    MessagePage page = metrics.history(() -> messages.history(caller.userId(), roomId, query));
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
        metrics.posting(
            ChatMetrics.Via.API,
            roomId,
            () -> {
              List<Attachment> attached =
                  request.files() == null || request.files().isEmpty()
                      ? List.of()
                      : files.attach(caller.userId(), roomId, request.files());
              NewMessage draft =
                  NewMessage.withFiles(
                          roomId,
                          caller.userId(),
                          request.body(),
                          clientMsgId,
                          request.metadata(),
                          attached)
                      .replyingTo(
                          request.threadOf() == null ? 0 : request.threadOf(),
                          Boolean.TRUE.equals(request.alsoInRoom()));
              return messages.post(caller.userId(), draft);
            });
    return Response.status(result.duplicate() ? 200 : 201)
        .entity(MessageJson.of(result.message()))
        .build();
  }

  @GET
  @Path("{seq}")
  @Operation(summary = "One message as it is now (a deleted one has no text)")
  public MessageJson message(@PathParam("roomId") String roomId, @PathParam("seq") long seq) {
    return MessageJson.of(messages.message(caller.userId(), roomId, seq));
  }

  @PATCH
  @Path("{seq}")
  @Operation(
      summary = "Edit your message",
      description =
          "Answers the message as edited; a retry with the same clientChangeId changes"
              + " nothing. Refused (403) for someone else's message or past the edit window.")
  public MessageJson edit(
      @PathParam("roomId") String roomId, @PathParam("seq") long seq, ChangeMessage request) {
    require(request);
    return MessageJson.of(
        messages
            .edit(caller.userId(), roomId, seq, request.body(), changeId(request.clientChangeId()))
            .message());
  }

  @DELETE
  @Path("{seq}")
  @Operation(summary = "Delete your message: its text and files are gone, a tombstone stays")
  public MessageJson delete(
      @PathParam("roomId") String roomId,
      @PathParam("seq") long seq,
      @QueryParam("clientChangeId") String clientChangeId) {
    return MessageJson.of(
        messages.delete(caller.userId(), roomId, seq, changeId(clientChangeId)).message());
  }

  @POST
  @Path("{seq}/removal")
  @Operation(
      summary = "Remove someone's message (the room's moderators)",
      description =
          "Everyone sees \"removed by a moderator\"; the text is kept only in the audit"
              + " log, with the reason. 403 for anyone who does not moderate the room.")
  public MessageJson remove(
      @PathParam("roomId") String roomId, @PathParam("seq") long seq, ChangeMessage request) {
    String reason = request == null ? null : request.reason();
    String id = request == null ? null : request.clientChangeId();
    return MessageJson.of(
        messages.remove(caller.userId(), roomId, seq, reason, changeId(id)).message());
  }

  @POST
  @Path("{seq}/reports")
  @Operation(
      summary = "Report someone's message to the room's moderators, with a reason",
      description = "201 with the report; reporting the same message again changes nothing (200).")
  public Response report(
      @PathParam("roomId") String roomId, @PathParam("seq") long seq, ChangeMessage request) {
    String reason = request == null ? null : request.reason();
    ReportService.Filed filed = reports.report(caller.userId(), roomId, seq, reason);
    return Response.status(filed.fresh() ? 201 : 200).entity(ReportJson.of(filed.report())).build();
  }

  @POST
  @Path("{seq}/reactions")
  @Operation(summary = "Add your reaction with an emoji, or take it back if you had it")
  public MessageJson react(
      @PathParam("roomId") String roomId, @PathParam("seq") long seq, ChangeMessage request) {
    require(request);
    return MessageJson.of(
        messages
            .react(
                caller.userId(), roomId, seq, request.emoji(), changeId(request.clientChangeId()))
            .message());
  }

  @PUT
  @Path("{seq}/pin")
  @Operation(summary = "Pin a message")
  public MessageJson pin(
      @PathParam("roomId") String roomId,
      @PathParam("seq") long seq,
      @QueryParam("clientChangeId") String clientChangeId) {
    return MessageJson.of(
        messages.pin(caller.userId(), roomId, seq, true, changeId(clientChangeId)).message());
  }

  @DELETE
  @Path("{seq}/pin")
  @Operation(summary = "Unpin a message")
  public MessageJson unpin(
      @PathParam("roomId") String roomId,
      @PathParam("seq") long seq,
      @QueryParam("clientChangeId") String clientChangeId) {
    return MessageJson.of(
        messages.pin(caller.userId(), roomId, seq, false, changeId(clientChangeId)).message());
  }

  @GET
  @Path("{seq}/thread")
  @Operation(summary = "A message and its replies, in order")
  public ThreadJson thread(@PathParam("roomId") String roomId, @PathParam("seq") long seq) {
    MessageService.MessageThread thread = messages.thread(caller.userId(), roomId, seq);
    return new ThreadJson(
        MessageJson.of(thread.parent()), thread.replies().stream().map(MessageJson::of).toList());
  }

  @GET
  @Path("{seq}/edits")
  @Operation(
      summary = "A message's earlier versions, oldest first (the room's moderators only: 403)")
  public List<EditJson> edits(@PathParam("roomId") String roomId, @PathParam("seq") long seq) {
    return messages.editHistory(caller.userId(), roomId, seq).stream()
        .map(e -> new EditJson(e.editorId(), e.at().toString(), e.previousBody()))
        .toList();
  }

  private static void require(ChangeMessage request) {
    if (request == null) {
      throw DomainException.invalid("body must be a JSON object");
    }
  }

  private static String changeId(String given) {
    return given == null || given.isBlank() ? Ids.newId() : given;
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
